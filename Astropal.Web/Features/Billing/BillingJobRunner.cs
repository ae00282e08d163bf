using Astropal.Core.Billing;
using Astropal.Core.Delivery;
using Astropal.Core.Email;
using Astropal.Core.Readers;
using Astropal.Data;
using Astropal.Web.Features.Audit;
using Astropal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Billing;

/// <summary>
/// The billing job's work (<see cref="BillingJob"/>): trials that end (the trial-ending email
/// <c>Billing:TrialEndingNoticeDays</c> before the end; at the end a reader without a subscription moves to Free and gets
/// the trial-ended email) and past-due subscriptions whose <c>Billing:GraceDays</c> ran out (→ Free). Emails are queued in
/// the delivery ledger for the reader's next delivery time, once per reader (reference <c>trial</c>). Idempotent: a run
/// again, or a late one, changes nothing more.
/// </summary>
public sealed partial class BillingJobRunner(
    IDbContextFactory<AstropalDbContext> dbFactory,
    BillingEmails emails,
    AuditLog audit,
    IOptions<BillingOptions> billing,
    TimeProvider clock,
    ILogger<BillingJobRunner> logger)
{
    public const string Actor = "billing-job";

    private const int BatchSize = 200;

    public async Task<BillingJobSummary> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var settings = billing.Value;
        var noticeFrom = now.AddDays(settings.TrialEndingNoticeDays);
        var notices = 0;
        var ended = 0;
        var graceExpired = 0;

        // Trials: ending within the notice days (not noticed yet), or ended (still Trial).
        var lastId = Guid.Empty;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var readers = await db.Readers
                .Where(r => r.Tier == Tier.Trial && r.TrialEndsAt != null && r.TrialEndsAt <= noticeFrom && r.Status != ReaderStatus.Deleted && r.Id.CompareTo(lastId) > 0)
                .OrderBy(r => r.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (readers.Count == 0)
            {
                break;
            }

            lastId = readers[^1].Id;
            var ids = readers.Select(r => r.Id).ToList();
            var rows = await db.ReaderBillings.Where(b => ids.Contains(b.ReaderId)).ToDictionaryAsync(b => b.ReaderId, cancellationToken);
            foreach (var reader in readers)
            {
                var row = rows.GetValueOrDefault(reader.Id);
                if (reader.TrialEndsAt <= now)
                {
                    if (row is not null && SubscriptionSnapshot.IsLive(row.SubscriptionStatus))
                    {
                        // Subscribed during the trial: the subscription's tier, not Free.
                        reader.Tier = row.PlanTier ?? Tier.Basic;
                    }
                    else
                    {
                        reader.Tier = Tier.Free;
                        if (reader.Status == ReaderStatus.Active)
                        {
                            await QueueAtDeliveryTimeAsync(db, reader, EmailTemplate.TrialEnded, now, null, cancellationToken);
                        }
                    }

                    reader.UpdatedAt = now;
                    audit.Add(db, Actor, "billing.trial-ended", reader.Id.ToString("D"), $"Trial ended {reader.TrialEndsAt:u}; tier {reader.Tier}.");
                    ended++;
                }
                else if (reader.Status == ReaderStatus.Active && (row is null || !SubscriptionSnapshot.IsLive(row.SubscriptionStatus))
                         && await QueueAtDeliveryTimeAsync(db, reader, EmailTemplate.TrialEnding, now, reader.TrialEndsAt, cancellationToken))
                {
                    notices++;
                }
            }

            await SaveAsync(db, cancellationToken);
        }

        // Past due beyond the grace days: Free (the subscription stays; paying later makes it active and restores the tier).
        var graceStart = now.AddDays(-settings.GraceDays);
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var overdue = await (
                    from b in db.ReaderBillings
                    join r in db.Readers on b.ReaderId equals r.Id
                    where b.SubscriptionStatus == "past_due" && b.PastDueSince != null && b.PastDueSince <= graceStart && r.Tier != Tier.Free
                    select r)
                .ToListAsync(cancellationToken);
            foreach (var reader in overdue)
            {
                var previous = reader.Tier;
                reader.Tier = Tier.Free;
                reader.UpdatedAt = now;
                audit.Add(db, Actor, "billing.grace-expired", reader.Id.ToString("D"), $"Past due for more than {settings.GraceDays} days: {previous} → Free.");
                graceExpired++;
            }

            await SaveAsync(db, cancellationToken);
        }

        var summary = new BillingJobSummary(notices, ended, graceExpired);
        if (notices + ended + graceExpired > 0)
        {
            Log.Ran(logger, notices, ended, graceExpired);
        }

        return summary;
    }

    /// <summary>Queues the email for the reader's next delivery time (before <paramref name="before"/>, else now).</summary>
    private async Task<bool> QueueAtDeliveryTimeAsync(AstropalDbContext db, Reader reader, EmailTemplate kind, DateTimeOffset now, DateTimeOffset? before, CancellationToken cancellationToken)
    {
        var zone = BillingEmails.FindZone(reader.TimeZone);
        var target = NextDeliveryAt(reader.DeliveryTime, zone, now);
        if (before is { } limit && target >= limit)
        {
            target = now;
        }

        return await emails.QueueAsync(db, reader.Id, kind, BillingEmails.TrialReference, DeliverySchedule.LocalDateAt(target, zone), target, now, cancellationToken);
    }

    /// <summary>The first instant at or after <paramref name="now"/> when it is <paramref name="deliveryTime"/> in the zone.</summary>
    public static DateTimeOffset NextDeliveryAt(TimeOnly deliveryTime, TimeZoneInfo zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var today = DeliverySchedule.LocalDateAt(now, zone);
        for (var day = 0; day < 3; day++)
        {
            var at = DeliverySchedule.ToUtc(today.AddDays(day), deliveryTime, zone);
            if (at >= now)
            {
                return at;
            }
        }

        return now;
    }

    private static async Task SaveAsync(AstropalDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // Another instance queued the same email at the same moment: its run did this batch; the next run sees it.
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Billing job: {Notices} trial-ending emails queued, {Ended} trials ended, {GraceExpired} past-due readers moved to Free")]
        public static partial void Ran(ILogger logger, int notices, int ended, int graceExpired);
    }
}
