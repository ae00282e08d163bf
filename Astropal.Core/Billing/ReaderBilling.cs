namespace Astropal.Core.Billing;

/// <summary>
/// A reader's Stripe billing state (one row per reader who ever started a checkout). The subscription fields follow the
/// subscription's latest state as Stripe sent it (<see cref="StateCreatedAt"/>: the Stripe <c>created</c> of the event
/// it came from), never an older one; <see cref="Readers.Reader.Tier"/> follows from them.
/// </summary>
public sealed class ReaderBilling
{
    public Guid ReaderId { get; set; }

    /// <summary>The reader's Stripe customer (<c>cus_...</c>), created once at the first checkout and kept.</summary>
    public string? StripeCustomerId { get; set; }

    /// <summary>The current (or last) subscription (<c>sub_...</c>).</summary>
    public string? SubscriptionId { get; set; }

    /// <summary>Stripe's status: <c>trialing</c>, <c>active</c>, <c>past_due</c>, <c>canceled</c>, <c>unpaid</c>, <c>incomplete</c>, ...</summary>
    public string? SubscriptionStatus { get; set; }

    public string? PriceId { get; set; }

    /// <summary>The tier of <see cref="PriceId"/> (Basic or Pro), null when the price is none of the configured ones.</summary>
    public Tier? PlanTier { get; set; }

    public DateTimeOffset? CurrentPeriodEnd { get; set; }

    public bool CancelAtPeriodEnd { get; set; }

    /// <summary>The Stripe <c>created</c> of the event whose subscription state is stored; older events never overwrite it.</summary>
    public DateTimeOffset? StateCreatedAt { get; set; }

    /// <summary>Since when the subscription is past due; the reader keeps the tier for <see cref="BillingOptions.GraceDays"/>.</summary>
    public DateTimeOffset? PastDueSince { get; set; }

    /// <summary>When the reader first had an active or trialing subscription (trial-to-paid conversion).</summary>
    public DateTimeOffset? FirstSubscribedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency: two webhook deliveries for the same reader never overwrite each other.</summary>
    public int Version { get; set; }
}
