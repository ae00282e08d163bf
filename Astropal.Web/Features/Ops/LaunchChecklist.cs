using System.Globalization;
using Astropal.Core.Content;
using Astropal.Core.Delivery;
using Astropal.Core.Email;
using Astropal.Core.Readers;
using Astropal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Ops;

/// <summary>
/// The overview's launch checklist (the launch plan's days 1–7) and beta success criteria, computed from the data:
/// beta readers are those of cohort <see cref="BetaCohort"/>. Each check carries its evidence and a link to the page
/// that shows more. Checks whose data this build does not record (incidents, reader feedback) say "not available".
/// </summary>
public sealed class LaunchChecklist(
    IDbContextFactory<AstropalDbContext> dbFactory,
    IVoiceDistinctnessMeter meter,
    IOptions<BetaCriteriaOptions> options,
    TimeProvider clock)
{
    public const string BetaCohort = "beta";
    public const int BetaReaders = 4;
    public const int ConsecutiveDays = 7;

    /// <summary>An email sent this long after its target time, or still unsent this long after it, counts as late.</summary>
    public static readonly TimeSpan LateAfter = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How many of <paramref name="rows"/> are late as of <paramref name="asOf"/>: sent more than <see cref="LateAfter"/>
    /// after their target, or still pending or sending that long after it. The overview and the daily report count so.
    /// </summary>
    public static Task<int> CountLateAsync(IQueryable<DeliveryRecord> rows, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var lateSeconds = LateAfter.TotalSeconds;
        var overdueBefore = asOf - LateAfter;
        return rows.CountAsync(
            d => (d.Status == DeliveryStatus.Sent && d.LatenessSeconds > lateSeconds)
                 || ((d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Sending) && d.TargetAt < overdueBefore),
            cancellationToken);
    }

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public async Task<LaunchOverview> ComputeAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var beta = await db.Readers.AsNoTracking()
            .Where(r => r.Cohort == BetaCohort && r.Status != ReaderStatus.Deleted)
            .OrderBy(r => r.Email)
            .ToListAsync(cancellationToken);
        var active = beta.Where(r => r.Status == ReaderStatus.Active).ToList();
        var betaIds = beta.Select(r => r.Id).ToList();
        var sentDays = (await db.Deliveries.AsNoTracking()
                .Where(d => betaIds.Contains(d.ReaderId) && d.Kind == EmailTemplate.Daily && d.Status == DeliveryStatus.Sent)
                .Select(d => new { d.ReaderId, d.LocalDate })
                .ToListAsync(cancellationToken))
            .ToLookup(d => d.ReaderId, d => d.LocalDate);
        var streaks = active.ToDictionary(r => r.Id, r => LongestRun(sentDays[r.Id]));

        var readersCheck = BetaReadersCheck(beta, active);
        var streakCheck = StreakCheck(active, streaks);
        var distinct = await DistinctnessCheckAsync(active, streaks, sentDays, cancellationToken);
        var engagement = await EngagementCheckAsync(db, betaIds, cancellationToken);
        var cost = await CostCheckAsync(db, now, cancellationToken);
        var incidents = new LaunchCheck("no-p1", "No open P1 incident", LaunchCheckState.NotAvailable,
            "Not available: incidents are not recorded in this build yet.", "/ops/incidents");

        var confirmed = beta.Count(r => r.ConfirmedAt is not null);
        var delivered = active.Count(r => sentDays[r.Id].Any());
        var checklist = new List<LaunchCheck>
        {
            new("day-1", "Day 1: confirm all 4 beta readers registered",
                confirmed >= BetaReaders ? LaunchCheckState.Met : LaunchCheckState.NotMet,
                $"{confirmed} of {BetaReaders} beta readers have confirmed their address ({beta.Count} in the cohort).", "/ops/beta"),
            new("day-2", "Day 2: verify daily emails delivered",
                active.Count >= BetaReaders && delivered == active.Count ? LaunchCheckState.Met : LaunchCheckState.NotMet,
                $"{delivered} of {active.Count} active beta readers have had a daily email delivered.", "/ops/deliveries"),
            distinct with { Key = "day-3", Title = "Day 3: check perspective differentiation" },
            engagement with { Key = "day-4", Title = "Day 4: monitor engagement metrics" },
            cost with { Key = "day-5", Title = "Day 5: review cost tracking" },
            new("day-6", "Day 6: analyze reader feedback", LaunchCheckState.NotAvailable,
                "Not available: reader feedback is not collected in this build.", "/ops/subscribers"),
            new("day-7", "Day 7: prepare the optimization report", LaunchCheckState.NotAvailable,
                "Not available: written by the team from the figures on this page.", "/ops/content"),
        };

        return new LaunchOverview(checklist, [readersCheck, streakCheck, distinct, engagement, cost, incidents], await TodayAsync(db, now, cancellationToken));
    }

    /// <summary>The longest run of consecutive dates in <paramref name="days"/>: its length and last day.</summary>
    internal static (int Length, DateOnly? End) LongestRun(IEnumerable<DateOnly> days)
    {
        var best = (Length: 0, End: (DateOnly?)null);
        var run = 0;
        DateOnly? previous = null;
        foreach (var day in days.Distinct().Order())
        {
            run = previous is { } p && p.AddDays(1) == day ? run + 1 : 1;
            if (run >= best.Length)
            {
                best = (run, day);
            }

            previous = day;
        }

        return best;
    }

    private static LaunchCheck BetaReadersCheck(List<Reader> beta, List<Reader> active)
    {
        var perspectives = Enum.GetValues<PerspectiveId>();
        var covered = active.Select(r => r.Perspective).ToHashSet();
        var met = active.Count >= BetaReaders && perspectives.All(covered.Contains);
        var per = string.Join(", ", perspectives.Select(p => $"{Perspective.Get(p).Slug} {active.Count(r => r.Perspective == p)}"));
        return new LaunchCheck("beta-readers", "4 beta readers active, one per perspective", met ? LaunchCheckState.Met : LaunchCheckState.NotMet,
            $"{active.Count} active of {beta.Count} beta readers; per perspective: {per}.", "/ops/beta");
    }

    private static LaunchCheck StreakCheck(List<Reader> active, Dictionary<Guid, (int Length, DateOnly? End)> streaks)
    {
        var met = active.Count >= BetaReaders && active.All(r => streaks[r.Id].Length >= ConsecutiveDays);
        var evidence = active.Count == 0
            ? "No active beta readers."
            : string.Join("; ", active.Select(r => streaks[r.Id] is { End: { } end } s
                ? $"{r.Email}: {s.Length} day(s) to {Day(end)}"
                : $"{r.Email}: none"));
        return new LaunchCheck("seven-days", $"Daily emails delivered for {ConsecutiveDays} consecutive local days to each beta reader",
            met ? LaunchCheckState.Met : LaunchCheckState.NotMet, evidence, "/ops/deliveries");
    }

    /// <summary>The figure over each active beta reader's delivered days (their longest run, at most 7 days).</summary>
    private async Task<LaunchCheck> DistinctnessCheckAsync(
        List<Reader> active, Dictionary<Guid, (int Length, DateOnly? End)> streaks, ILookup<Guid, DateOnly> sentDays, CancellationToken cancellationToken)
    {
        const string key = "voices-distinct";
        const string title = "The four voices distinct";
        var samples = new List<(Reader, DateOnly)>();
        foreach (var reader in active)
        {
            var days = streaks[reader.Id] is { End: { } end, Length: var length }
                ? Enumerable.Range(0, Math.Min(length, ConsecutiveDays)).Select(i => end.AddDays(-i))
                : [];
            samples.AddRange(days.Select(d => (reader, d)));
        }

        if (samples.Count == 0)
        {
            return new LaunchCheck(key, title, LaunchCheckState.NotMet, "No daily email delivered to an active beta reader yet: nothing to measure.", "/ops/content");
        }

        VoiceDistinctnessFigure figure;
        try
        {
            figure = await meter.MeasureAsync(samples, cancellationToken);
        }
        catch (Exception ex) when (ex is ContentUnavailableException or InvalidOperationException or NotSupportedException or ArgumentException)
        {
            return new LaunchCheck(key, title, LaunchCheckState.NotMet, "The figure could not be measured: " + ex.Message, "/ops/content");
        }

        var met = figure.BetweenVoicesMet && figure.ConsecutiveDaysMet;
        return new LaunchCheck(key, title, met ? LaunchCheckState.Met : LaunchCheckState.NotMet,
            string.Create(Invariant,
                $"Over {samples.Count} reader-day(s): most alike two voices {figure.WorstBetweenVoices:0.000} (target ≤ {VoiceDistinctnessFigure.BetweenVoicesTarget:0.00}), " +
                $"same voice on consecutive days {figure.WorstConsecutiveDays:0.000} (target ≤ {VoiceDistinctnessFigure.ConsecutiveDaysTarget:0.00})."),
            "/ops/content");
    }

    private static async Task<LaunchCheck> EngagementCheckAsync(AstropalDbContext db, List<Guid> betaIds, CancellationToken cancellationToken)
    {
        var counts = await db.EngagementEvents.AsNoTracking()
            .Where(e => betaIds.Contains(e.ReaderId))
            .GroupBy(e => new { e.Kind, e.IsMachine })
            .Select(g => new { g.Key.Kind, g.Key.IsMachine, Count = g.Count(), Emails = g.Select(e => e.DeliveryId).Distinct().Count() })
            .ToListAsync(cancellationToken);
        var opens = counts.Where(c => c.Kind == EngagementKind.Open && !c.IsMachine).Sum(c => c.Count);
        var machine = counts.Where(c => c.Kind == EngagementKind.Open && c.IsMachine).Sum(c => c.Count);
        var clicks = counts.Where(c => c.Kind == EngagementKind.Click).Sum(c => c.Count);
        return new LaunchCheck("engagement", "Engagement tracked for beta emails", opens + clicks > 0 ? LaunchCheckState.Met : LaunchCheckState.NotMet,
            $"{opens} human open(s) and {clicks} click(s) recorded on beta readers' emails ({machine} machine open(s) not counted).", "/ops/beta");
    }

    private async Task<LaunchCheck> CostCheckAsync(AstropalDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = now.AddDays(-ConsecutiveDays);

        // Decimal sums are done here: SQLite cannot add decimals.
        var costs = await db.LlmCalls.AsNoTracking().Where(c => c.At >= since).Select(c => c.CostUsd).ToListAsync(cancellationToken);
        var total = costs.Sum();
        var readers = await db.Readers.CountAsync(r => r.Status == ReaderStatus.Active, cancellationToken);
        var target = options.Value.CostPerReaderUsd;
        if (readers == 0)
        {
            return new LaunchCheck("cost", "Cost per reader per day within target", LaunchCheckState.NotMet,
                string.Create(Invariant, $"No active readers: ${total:0.00} spent on LLM calls in the last {ConsecutiveDays} days (target ≤ ${target:0.00##} per reader per day)."), "/ops/content");
        }

        var perReaderPerDay = total / ConsecutiveDays / readers;
        return new LaunchCheck("cost", "Cost per reader per day within target", perReaderPerDay <= target ? LaunchCheckState.Met : LaunchCheckState.NotMet,
            string.Create(Invariant,
                $"${total:0.00} on {costs.Count} LLM call(s) in the last {ConsecutiveDays} days for {readers} active reader(s): ${perReaderPerDay:0.0000} per reader per day (target ≤ ${target:0.00##}, Beta:CostPerReaderUsd)."),
            "/ops/content");
    }

    private static async Task<TodayRun> TodayAsync(AstropalDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var rows = db.Deliveries.AsNoTracking().Where(d => d.LocalDate == today);
        var counts = await rows.GroupBy(d => d.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var late = await CountLateAsync(rows, now, cancellationToken);
        int Count(DeliveryStatus status) => counts.Where(c => c.Key == status).Sum(c => c.Count);
        return new TodayRun(today, counts.Sum(c => c.Count), Count(DeliveryStatus.Sent), Count(DeliveryStatus.Failed), late);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", Invariant);
}
