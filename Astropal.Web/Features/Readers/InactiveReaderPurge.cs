using System.Globalization;
using Astropal.Core.Delivery;
using Astropal.Core.Email;
using Astropal.Core.Readers;
using Astropal.Data;
using Astropal.Web.Features.Audit;
using Astropal.Web.Features.Delivery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Readers;

/// <summary>
/// Erases the personal data of readers inactive for <c>Privacy:PurgeAfterMonths</c>, after telling them 30 days before.
/// A reader's last activity is the latest of: <see cref="Reader.LastActivityAt"/> (portal visits and changes), a
/// followed link of our emails (a human click), or else when they confirmed (or signed up). One daily pass:
/// <list type="number">
/// <item>A reader who can be written to (active or paused, with an address) and whose last activity is more than
/// <c>PurgeAfterMonths</c> months minus 30 days ago gets the inactivity notice, queued once for this stretch of
/// inactivity through the delivery ledger (kind <c>inactivity-notice</c>, <see cref="DeliveryRecord.Reference"/>
/// <c>inactivity:&lt;date of the last activity&gt;</c>); queued again only if the dispatcher skipped it (e.g. it came
/// too late).</item>
/// <item>Such a reader is purged once their last activity is more than <c>PurgeAfterMonths</c> ago and the notice went
/// out (or failed for good, or the address is suppressed) at least 30 days ago. Any activity since makes a new stretch:
/// the old notice no longer counts and the reader is not purged.</item>
/// <item>A reader who cannot be written to (unsubscribed, bounced, never confirmed, invited) is purged when their last
/// activity is more than <c>PurgeAfterMonths</c> ago, without a notice.</item>
/// </list>
/// Purging is the portal's own deletion (<see cref="ReaderData.DeleteAsync(Guid, string, string?, CancellationToken)"/>):
/// personal data erased, the row and the delivery history kept without it. Each pass that did something is audited as
/// <c>reader.purged-inactive</c> with its counts.
/// </summary>
public sealed partial class InactiveReaderPurge(
    IDbContextFactory<AstropalDbContext> dbFactory,
    ReaderData readers,
    LedgerRows ledgerRows,
    AuditLog audit,
    IOptions<PrivacyOptions> options,
    TimeProvider clock,
    ILogger<InactiveReaderPurge> logger)
{
    public const string Actor = "system";

    public const string ReferencePrefix = "inactivity:";

    /// <summary>How long before the purge the notice goes out.</summary>
    public static readonly TimeSpan NoticeLead = TimeSpan.FromDays(30);

    private static readonly DeliveryStatus[] NoticeDone = [DeliveryStatus.Sent, DeliveryStatus.Failed, DeliveryStatus.Suppressed];

    public async Task<InactivePurgeSummary> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var months = options.Value.PurgeAfterMonths;
        var purgeBefore = now.AddMonths(-months);
        var noticeBefore = purgeBefore + NoticeLead;

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var candidates = await db.Readers
            .Where(r => r.Status != ReaderStatus.Deleted && (r.LastActivityAt ?? r.ConfirmedAt ?? r.CreatedAt) < noticeBefore)
            .Select(r => new { r.Id, r.Status, r.Email, r.TimeZone, Seen = r.LastActivityAt ?? r.ConfirmedAt ?? r.CreatedAt })
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return new InactivePurgeSummary(0, 0);
        }

        var ids = candidates.Select(c => c.Id).ToList();
        var clicks = (await db.EngagementEvents
                .Where(e => ids.Contains(e.ReaderId) && e.Kind == EngagementKind.Click && !e.IsMachine)
                .Select(e => new { e.ReaderId, e.At })
                .ToListAsync(cancellationToken))
            .GroupBy(e => e.ReaderId)
            .ToDictionary(g => g.Key, g => g.Max(e => e.At));
        var notices = (await db.Deliveries
                .Where(d => ids.Contains(d.ReaderId) && d.Kind == EmailTemplate.InactivityNotice)
                .Select(d => new { d.ReaderId, d.Reference, d.Status, d.LocalDate, d.TargetAt })
                .ToListAsync(cancellationToken))
            .ToLookup(d => d.ReaderId);

        var noticed = 0;
        var toPurge = new List<Guid>();
        foreach (var reader in candidates)
        {
            var seen = clicks.TryGetValue(reader.Id, out var click) && click > reader.Seen ? click : reader.Seen;
            if (seen >= noticeBefore)
            {
                continue;
            }

            var reference = ReferencePrefix + seen.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            var writable = reader.Status is ReaderStatus.Active or ReaderStatus.Paused && reader.Email is not null;
            if (!writable)
            {
                if (seen < purgeBefore)
                {
                    toPurge.Add(reader.Id);
                }

                continue;
            }

            var mine = notices[reader.Id].Where(n => n.Reference == reference).ToList();
            if (mine.All(n => n.Status == DeliveryStatus.Skipped))
            {
                var localDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Zone(reader.TimeZone)).DateTime);
                if (mine.All(n => n.LocalDate != localDate))
                {
                    db.Deliveries.Add(ledgerRows.NewPending(reader.Id, EmailTemplate.InactivityNotice, localDate, now, now, reference));
                    noticed++;
                }

                continue;
            }

            if (seen < purgeBefore && mine.Any(n => NoticeDone.Contains(n.Status) && n.TargetAt <= now - NoticeLead))
            {
                toPurge.Add(reader.Id);
            }
        }

        await db.SaveChangesAsync(cancellationToken);

        var purged = 0;
        foreach (var id in toPurge)
        {
            var why = $"inactive for {months} months (Privacy:PurgeAfterMonths)";
            if (await readers.DeleteAsync(id, Actor, why, cancellationToken))
            {
                purged++;
            }
        }

        var summary = new InactivePurgeSummary(noticed, purged);
        if (noticed > 0 || purged > 0)
        {
            await audit.RecordAsync(Actor, "reader.purged-inactive", "readers", $"{noticed} notice(s) queued, {purged} reader(s) purged; inactive for {months} months", cancellationToken);
            Log.Ran(logger, noticed, purged, months);
        }

        return summary;
    }

    private static TimeZoneInfo Zone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Inactive readers: {Noticed} notice(s) queued, {Purged} purged (Privacy:PurgeAfterMonths {Months})")]
        public static partial void Ran(ILogger logger, int noticed, int purged, int months);
    }
}
