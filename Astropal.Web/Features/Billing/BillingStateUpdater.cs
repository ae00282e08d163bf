using Astropal.Core.Billing;
using Astropal.Core.Email;
using Astropal.Core.Readers;
using Astropal.Data;
using Astropal.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Billing;

/// <summary>
/// Applies a subscription's state to a reader inside the caller's unit of work: the billing row follows the
/// subscription, the tier follows its status (active or trialing → the price's tier; past_due → kept, grace counted from
/// <see cref="ReaderBilling.PastDueSince"/>; canceled, unpaid → Free), and the lifecycle emails are queued once per
/// subscription. Tier changes are audited (actor <c>stripe</c>).
/// </summary>
public sealed class BillingStateUpdater(BillingEmails emails, AuditLog audit, IOptions<BillingOptions> billing)
{
    public const string StripeActor = "stripe";

    /// <summary>The reader's billing row, created (and added to <paramref name="db"/>) when there is none.</summary>
    public static async Task<ReaderBilling> RowForAsync(AstropalDbContext db, Guid readerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = await db.ReaderBillings.FirstOrDefaultAsync(b => b.ReaderId == readerId, cancellationToken);
        if (row is null)
        {
            row = new ReaderBilling { ReaderId = readerId, CreatedAt = now, UpdatedAt = now };
            db.ReaderBillings.Add(row);
        }

        return row;
    }

    /// <summary>Applies <paramref name="subscription"/>; returns what changed, for the webhook's outcome.</summary>
    public async Task<string> ApplyAsync(
        AstropalDbContext db, Reader reader, ReaderBilling row, SubscriptionSnapshot subscription, DateTimeOffset stateCreatedAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(subscription);

        // Another subscription of the reader's ended while the stored one lives on (e.g. a replaced one): not the state to follow.
        if (row.SubscriptionId is { } current && current != subscription.Id
            && SubscriptionSnapshot.IsLive(row.SubscriptionStatus) && !SubscriptionSnapshot.IsLive(subscription.Status))
        {
            return $"ignored: {subscription.Id} is {subscription.Status}, the reader's current subscription is {current} ({row.SubscriptionStatus})";
        }

        var sameSubscription = row.SubscriptionId == subscription.Id;
        var wasLive = sameSubscription && SubscriptionSnapshot.IsLive(row.SubscriptionStatus);
        var previousTier = reader.Tier;

        row.StripeCustomerId ??= subscription.CustomerId;
        row.SubscriptionId = subscription.Id;
        row.SubscriptionStatus = subscription.Status;
        row.PriceId = subscription.PriceId;
        row.PlanTier = billing.Value.TierOfPrice(subscription.PriceId);
        row.CurrentPeriodEnd = subscription.CurrentPeriodEnd;
        row.CancelAtPeriodEnd = subscription.CancelAtPeriodEnd;
        if (row.StateCreatedAt is null || stateCreatedAt > row.StateCreatedAt)
        {
            row.StateCreatedAt = stateCreatedAt;
        }

        if (SubscriptionSnapshot.IsPaying(subscription.Status))
        {
            row.PastDueSince = null;
            row.FirstSubscribedAt ??= now;
            if (row.PlanTier is { } tier)
            {
                reader.Tier = tier;
            }

            if (!wasLive)
            {
                await emails.QueueNowAsync(db, reader, EmailTemplate.SubscriptionStarted, subscription.Id, now, cancellationToken);
            }
        }
        else if (subscription.Status == "past_due")
        {
            // The tier stays for Billing:GraceDays; the billing job moves the reader to Free after that.
            row.PastDueSince ??= stateCreatedAt;
        }
        else if (SubscriptionSnapshot.IsEnded(subscription.Status))
        {
            row.PastDueSince = null;
            if (reader.Tier != Tier.Free)
            {
                reader.Tier = Tier.Free;
            }

            if (wasLive)
            {
                await emails.QueueNowAsync(db, reader, EmailTemplate.SubscriptionEnded, subscription.Id, now, cancellationToken);
            }
        }

        row.UpdatedAt = now;
        row.Version++;
        if (reader.Tier != previousTier)
        {
            reader.UpdatedAt = now;
            audit.Add(db, StripeActor, "billing.tier-changed", reader.Id.ToString("D"), $"{previousTier} → {reader.Tier}: subscription {subscription.Id} is {subscription.Status}");
        }

        return $"reader {reader.Id:D}: {subscription.Id} {subscription.Status}, tier {previousTier}" + (reader.Tier != previousTier ? $" → {reader.Tier}" : " (unchanged)");
    }
}
