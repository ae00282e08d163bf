using Astropal.Core.Delivery;
using Astropal.Core.Email;

namespace Astropal.Web.Features.Delivery;

/// <summary>One ledger row as the console shows it.</summary>
public sealed record DeliveryRow(
    Guid Id, string? ReaderEmail, EmailTemplate Kind, DeliveryStatus Status, int Attempts, DateTimeOffset TargetAt, DateTimeOffset? SentAt, double? LatenessSeconds, string? LastError);
