using Astropal.Core.Delivery;
using Astropal.Core.Readers;

namespace Astropal.Web.Features.Delivery;

/// <summary>A claimed ledger row with what sending it needs, loaded together for the whole batch.</summary>
internal sealed record ClaimedEmail(DeliveryRecord Row, Reader? Reader, bool Suppressed, DateTimeOffset LeaseUntil);
