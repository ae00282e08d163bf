using Astropal.Core.Billing;

namespace Astropal.Web.Features.Billing;

/// <summary>The billing console's figures (<c>/ops/billing</c>).</summary>
public sealed record BillingOverview(
    bool StripeConfigured,
    IReadOnlyList<BillingPlanCount> Plans,
    string MonthlyRecurringRevenue,
    int TrialsEnded,
    int TrialsConverted,
    IReadOnlyList<BillingReaderRow> TrialsEndingThisWeek,
    IReadOnlyList<BillingReaderRow> PastDue,
    IReadOnlyList<BillingWebhookRow> RecentEvents)
{
    /// <summary>Share of readers whose trial ended who subscribed (trial-to-paid), or null before any trial ended.</summary>
    public double? Conversion => TrialsEnded == 0 ? null : (double)TrialsConverted / TrialsEnded;
}

/// <summary>Readers of a plan: paying (active) and subscribed but still in Stripe's trial (trialing).</summary>
public sealed record BillingPlanCount(Tier Tier, string Name, string Price, int Active, int Trialing);

/// <summary>A reader in a billing list: trial ending (<see cref="At"/> = trial end) or past due (<see cref="At"/> = since).</summary>
public sealed record BillingReaderRow(Guid ReaderId, string? Email, Tier Tier, DateTimeOffset At);

/// <summary>A processed Stripe webhook event and what came of it.</summary>
public sealed record BillingWebhookRow(string Id, string Type, DateTimeOffset ReceivedAt, string? Outcome);
