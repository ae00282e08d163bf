using Astropal.Core.Delivery;
using Astropal.Core.Email;

namespace Astropal.Web.Features.Delivery;

/// <summary>Counts of one kind's rows for one local date, by status.</summary>
public sealed record DeliveryKindCounts(EmailTemplate Kind, IReadOnlyDictionary<DeliveryStatus, int> ByStatus)
{
    public int Total => ByStatus.Values.Sum();

    public int Count(DeliveryStatus status) => ByStatus.GetValueOrDefault(status);

    /// <summary>Rows that reached an end state (sent, failed, skipped, suppressed).</summary>
    public int Done => Total - Count(DeliveryStatus.Pending) - Count(DeliveryStatus.Sending);
}
