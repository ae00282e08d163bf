using Astropal.Core.Delivery;
using Astropal.Core.Readers;
using Astropal.Data;
using Microsoft.EntityFrameworkCore;

namespace Astropal.Web.Features.Beta;

/// <summary>
/// Reads the beta cohort for the console: status, preferences, invitation dates, the last 7 local days of
/// deliveries and the human opens and clicks of the last 7 days (machine opens left out).
/// </summary>
public sealed class BetaReaders(IDbContextFactory<AstropalDbContext> dbFactory, TimeProvider clock)
{
    public const int Days = 7;

    /// <summary>Readers who count towards covering the four perspectives: not gone.</summary>
    private static readonly ReaderStatus[] Current = [ReaderStatus.Invited, ReaderStatus.Pending, ReaderStatus.Active, ReaderStatus.Paused];

    public async Task<BetaOverview> LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var readers = await db.Readers.AsNoTracking()
            .Where(r => r.Cohort == BetaInvitations.Cohort && r.Status != ReaderStatus.Deleted && r.Email != null)
            .OrderBy(r => r.Email)
            .ToListAsync(cancellationToken);
        var ids = readers.Select(r => r.Id).ToList();
        // A day of margin either side of UTC covers every zone's last seven local dates.
        var earliest = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-Days);
        var deliveries = await db.Deliveries.AsNoTracking()
            .Where(d => ids.Contains(d.ReaderId) && d.LocalDate >= earliest)
            .Select(d => new { d.ReaderId, d.LocalDate, d.Status })
            .ToListAsync(cancellationToken);
        var since = now.AddDays(-Days);
        var events = await db.EngagementEvents.AsNoTracking()
            .Where(e => ids.Contains(e.ReaderId) && e.At >= since && !e.IsMachine)
            .Select(e => new { e.ReaderId, e.Kind })
            .ToListAsync(cancellationToken);

        var rows = readers.Select(r =>
        {
            var today = LocalToday(r.TimeZone, now);
            var mine = deliveries.Where(d => d.ReaderId == r.Id).ToList();
            var strip = Enumerable.Range(0, Days)
                .Select(i => today.AddDays(i - (Days - 1)))
                .Select(date => (date, Mark(mine.Where(d => d.LocalDate == date).Select(d => d.Status))))
                .ToList();
            return new BetaReaderRow(r.Id, r.Email!, r.Name, r.Status, r.Perspective, r.FocusAreas, r.Locale, r.InvitedAt, r.InvitationAcceptedAt,
                strip,
                events.Count(e => e.ReaderId == r.Id && e.Kind == EngagementKind.Open),
                events.Count(e => e.ReaderId == r.Id && e.Kind == EngagementKind.Click));
        }).ToList();

        var covered = readers.Where(r => Current.Contains(r.Status)).Select(r => r.Perspective).ToHashSet();
        var missing = Perspective.All.Select(p => p.Id).Where(p => !covered.Contains(p)).ToList();
        return new BetaOverview(rows, missing);
    }

    internal static DayMark Mark(IEnumerable<DeliveryStatus> statuses)
    {
        var list = statuses.ToList();
        if (list.Count == 0)
        {
            return DayMark.NotDue;
        }

        if (list.Contains(DeliveryStatus.Failed))
        {
            return DayMark.Failed;
        }

        if (list.Contains(DeliveryStatus.Pending) || list.Contains(DeliveryStatus.Sending))
        {
            return DayMark.Pending;
        }

        return list.Contains(DeliveryStatus.Sent) ? DayMark.Sent : DayMark.Skipped;
    }

    private static DateOnly LocalToday(string timeZone, DateTimeOffset now)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : TimeZoneInfo.Utc;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
    }
}
