using System.Globalization;
using Astropal.Core.Billing;
using Astropal.Core.Readers;
using Astropal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Billing;

/// <summary>
/// The console's billing figures: readers per plan (active and trialing subscriptions), MRR (active subscriptions at the
/// configured monthly prices), trial-to-paid conversion (readers whose trial ended who ever subscribed), trials ending in
/// the next 7 days, past-due subscriptions and the latest Stripe webhook events with their outcome.
/// </summary>
public sealed class BillingConsole(IDbContextFactory<AstropalDbContext> dbFactory, IOptions<BillingOptions> billing, IOptions<StripeOptions> stripe, TimeProvider clock)
{
    public const int RecentEventCount = 50;

    public async Task<BillingOverview> LoadAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var settings = billing.Value;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var counts = await db.ReaderBillings.AsNoTracking()
            .Where(b => b.PlanTier != null && (b.SubscriptionStatus == "active" || b.SubscriptionStatus == "trialing"))
            .GroupBy(b => new { b.PlanTier, b.SubscriptionStatus })
            .Select(g => new { g.Key.PlanTier, g.Key.SubscriptionStatus, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var plans = new[] { Tier.Basic, Tier.Pro }
            .Select(t => new BillingPlanCount(
                t,
                settings.Plan(t).Name,
                PriceFormat.Monthly(settings.Plan(t).MonthlyPrice, settings.Currency),
                counts.Where(c => c.PlanTier == t && c.SubscriptionStatus == "active").Sum(c => c.Count),
                counts.Where(c => c.PlanTier == t && c.SubscriptionStatus == "trialing").Sum(c => c.Count)))
            .ToList();
        var mrr = plans.Sum(p => p.Active * settings.Plan(p.Tier).MonthlyPrice);

        var trialsEnded = await db.Readers.AsNoTracking().CountAsync(r => r.TrialEndsAt != null && r.TrialEndsAt <= now, cancellationToken);
        var converted = await (
                from r in db.Readers.AsNoTracking()
                join b in db.ReaderBillings.AsNoTracking() on r.Id equals b.ReaderId
                where r.TrialEndsAt != null && r.TrialEndsAt <= now && b.FirstSubscribedAt != null
                select r.Id)
            .CountAsync(cancellationToken);

        var weekEnd = now.AddDays(7);
        var ending = await db.Readers.AsNoTracking()
            .Where(r => r.Tier == Tier.Trial && r.TrialEndsAt != null && r.TrialEndsAt > now && r.TrialEndsAt <= weekEnd && r.Status != ReaderStatus.Deleted)
            .OrderBy(r => r.TrialEndsAt)
            .Take(200)
            .Select(r => new BillingReaderRow(r.Id, r.Email, r.Tier, r.TrialEndsAt!.Value))
            .ToListAsync(cancellationToken);
        var pastDue = await (
                from b in db.ReaderBillings.AsNoTracking()
                join r in db.Readers.AsNoTracking() on b.ReaderId equals r.Id
                where b.SubscriptionStatus == "past_due"
                orderby b.PastDueSince
                select new BillingReaderRow(r.Id, r.Email, r.Tier, b.PastDueSince ?? b.UpdatedAt))
            .Take(200)
            .ToListAsync(cancellationToken);
        var events = await db.ProcessedWebhookEvents.AsNoTracking()
            .Where(e => e.Id.StartsWith("evt_"))
            .OrderByDescending(e => e.ReceivedAt)
            .Take(RecentEventCount)
            .Select(e => new BillingWebhookRow(e.Id, e.Type, e.ReceivedAt, e.Outcome))
            .ToListAsync(cancellationToken);

        return new BillingOverview(
            stripe.Value.IsConfigured,
            plans,
            PriceFormat.Monthly(mrr, settings.Currency, CultureInfo.GetCultureInfo("en-US")),
            trialsEnded,
            converted,
            ending,
            pastDue,
            events);
    }

    /// <summary>A reader's billing state, or null when they never started a checkout.</summary>
    public async Task<ReaderBilling?> ForReaderAsync(Guid readerId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ReaderBillings.AsNoTracking().FirstOrDefaultAsync(b => b.ReaderId == readerId, cancellationToken);
    }
}
