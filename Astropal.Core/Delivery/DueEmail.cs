using Astropal.Core.Email;

namespace Astropal.Core.Delivery;

/// <summary>One email that is due: kind, the reader's local date, and the UTC instant.</summary>
public readonly record struct DueEmail(EmailTemplate Kind, DateOnly LocalDate, DateTimeOffset TargetAt);
