using Stripe;

namespace Astropal.Web.Features.Billing;

/// <summary>The parts of a Stripe subscription that the reader's billing state follows.</summary>
public sealed record SubscriptionSnapshot(
    string Id,
    string? CustomerId,
    string Status,
    string? PriceId,
    DateTimeOffset? CurrentPeriodEnd,
    bool CancelAtPeriodEnd,
    Guid? ReaderId)
{
    public static SubscriptionSnapshot From(Subscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var item = subscription.Items?.Data?.FirstOrDefault();
        DateTimeOffset? periodEnd = item is not null && item.CurrentPeriodEnd != default
            ? new DateTimeOffset(DateTime.SpecifyKind(item.CurrentPeriodEnd, DateTimeKind.Utc))
            : null;
        Guid? readerId = subscription.Metadata is { } metadata && metadata.TryGetValue("reader_id", out var value) && Guid.TryParse(value, out var id) ? id : null;
        return new SubscriptionSnapshot(
            subscription.Id,
            subscription.CustomerId,
            subscription.Status ?? "",
            item?.Price?.Id,
            periodEnd,
            subscription.CancelAtPeriodEnd,
            readerId);
    }

    /// <summary>active or trialing: the reader has the price's tier.</summary>
    public static bool IsPaying(string? status) => status is "active" or "trialing";

    /// <summary>A subscription that still gives the tier (paying, or past due within the grace days).</summary>
    public static bool IsLive(string? status) => status is "active" or "trialing" or "past_due";

    /// <summary>Ended for good: canceled, unpaid, incomplete_expired or paused → Free.</summary>
    public static bool IsEnded(string? status) => status is "canceled" or "unpaid" or "incomplete_expired" or "paused";
}
