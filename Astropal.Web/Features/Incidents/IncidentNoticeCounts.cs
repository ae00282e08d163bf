using Astropal.Core.Delivery;
using Astropal.Core.Email;

namespace Astropal.Web.Features.Incidents;

/// <summary>An incident's notice rows of one kind in the delivery ledger, by status.</summary>
public sealed record IncidentNoticeCounts(EmailTemplate Kind, IReadOnlyDictionary<DeliveryStatus, int> ByStatus)
{
    public int Total => ByStatus.Values.Sum();

    public int Count(DeliveryStatus status) => ByStatus.GetValueOrDefault(status);

    /// <summary>Queued and not sent yet: pending or being sent.</summary>
    public int Waiting => Count(DeliveryStatus.Pending) + Count(DeliveryStatus.Sending);
}
