using Astropal.Core.Content;
using Astropal.Core.Delivery;
using Astropal.Core.Email;
using Astropal.Core.Readers;
using Astropal.Data;
using Astropal.Web.Features.Metrics;
using Astropal.Web.Features.Ops;
using Microsoft.EntityFrameworkCore;

namespace Astropal.Web.Features.Reports;

/// <summary>
/// Builds the <see cref="DailyReport"/> of one UTC day from the database (definitions in docs/reports.md). The day's
/// metric values are computed now when the day is today, else they are the day's last stored sample; the previous
/// day's values are always its last stored sample (null when the sampler stored none).
/// </summary>
public sealed class DailyReportBuilder(
    IDbContextFactory<AstropalDbContext> dbFactory,
    LaunchMetrics metrics,
    MetricTargets targets,
    IVoiceDistinctnessMeter meter,
    TimeProvider clock)
{
    /// <summary>How many of the day's readers (with a daily email sent) the voices' figure samples.</summary>
    public const int VoiceSampleReaders = 8;

    public async Task<DailyReport> BuildAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (day > today)
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, $"The report of {day:yyyy-MM-dd} cannot be built before the day starts (today is {today:yyyy-MM-dd} UTC).");
        }

        var start = StartOf(day);
        var end = start.AddDays(1);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var effective = await targets.EffectiveAsync(db, cancellationToken);
        var isToday = day == today;
        var values = isToday ? await metrics.ComputeAsync(db, now, cancellationToken) : await LastSamplesAsync(db, start, end, cancellationToken);
        var previous = await LastSamplesAsync(db, start.AddDays(-1), start, cancellationToken);
        var metricRows = MetricDefinition.All
            .Select(d => DailyReportMetric.From(d, effective[d.Name], values.GetValueOrDefault(d.Name), isToday ? "current" : "sample", previous.GetValueOrDefault(d.Name)))
            .ToList();

        var deliveries = db.Deliveries.AsNoTracking().Where(d => d.TargetAt >= start && d.TargetAt < end);
        var byStatus = await deliveries.GroupBy(d => d.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var late = await LaunchChecklist.CountLateAsync(deliveries, now < end ? now : end, cancellationToken);

        var calls = await db.LlmCalls.AsNoTracking()
            .Where(c => c.At >= start && c.At < end)
            .Select(c => new { c.Provider, c.CostUsd, c.InputTokens, c.OutputTokens })
            .ToListAsync(cancellationToken);
        var spend = calls.GroupBy(c => c.Provider)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new DailyReportSpend(g.Key, g.Count(), g.Sum(c => (long)c.InputTokens + c.OutputTokens), g.Sum(c => c.CostUsd)))
            .ToList();

        var fired = await db.AlertEpisodes.AsNoTracking().Where(e => e.FiredAt >= start && e.FiredAt < end).ToListAsync(cancellationToken);
        var resolved = await db.AlertEpisodes.AsNoTracking().Where(e => e.ResolvedAt >= start && e.ResolvedAt < end).ToListAsync(cancellationToken);

        var created = await db.Readers.CountAsync(r => r.CreatedAt >= start && r.CreatedAt < end, cancellationToken);
        var activated = await db.Readers.CountAsync(r => r.ConfirmedAt >= start && r.ConfirmedAt < end, cancellationToken);
        // No unsubscribe time is stored: a reader unsubscribed whose row last changed that day.
        var unsubscribed = await db.Readers.CountAsync(
            r => r.Status == ReaderStatus.Unsubscribed && r.UpdatedAt >= start && r.UpdatedAt < end, cancellationToken);

        var voices = await VoicesAsync(db, start, end, cancellationToken);
        return new DailyReport(
            day,
            now,
            metricRows,
            Enum.GetValues<DeliveryStatus>()
                .Select(s => new DailyReportCount(s.ToString().ToLowerInvariant(), byStatus.Where(b => b.Key == s).Sum(b => b.Count)))
                .ToList(),
            late,
            spend,
            fired.OrderBy(e => e.FiredAt).Select(Alert).ToList(),
            resolved.OrderBy(e => e.ResolvedAt).Select(Alert).ToList(),
            created,
            activated,
            unsubscribed,
            voices);
    }

    /// <summary>Midnight UTC starting <paramref name="day"/>.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static DailyReportAlert Alert(AlertEpisode e) => new(e.Id, e.Rule, e.Metric, e.Severity, e.FiredAt, e.ResolvedAt);

    /// <summary>Each metric's last stored sample with <c>from ≤ At &lt; to</c> (minute samples or hourly rollups).</summary>
    private static async Task<IReadOnlyDictionary<string, double?>> LastSamplesAsync(AstropalDbContext db, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var rows = await db.MetricSamples.AsNoTracking()
            .Where(s => s.At >= from && s.At < to)
            .Select(s => new { s.Metric, s.At, s.Value })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Metric, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.MaxBy(r => r.At)!.Value, StringComparer.OrdinalIgnoreCase);
    }

    private async Task<DailyReportVoices> VoicesAsync(AstropalDbContext db, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var sent = await db.Deliveries.AsNoTracking()
            .Where(d => d.Kind == EmailTemplate.Daily && d.Status == DeliveryStatus.Sent && d.TargetAt >= start && d.TargetAt < end)
            .Select(d => new { d.ReaderId, d.LocalDate })
            .ToListAsync(cancellationToken);
        var days = sent.GroupBy(d => d.ReaderId).ToDictionary(g => g.Key, g => g.Max(d => d.LocalDate));
        var ids = days.Keys.OrderBy(id => id).ToList();
        var readers = ids.Count == 0
            ? []
            : (await db.Readers.AsNoTracking().Where(r => ids.Contains(r.Id) && r.Status == ReaderStatus.Active).ToListAsync(cancellationToken))
                .OrderBy(r => r.Id).Take(VoiceSampleReaders).ToList();
        if (readers.Count == 0)
        {
            return new DailyReportVoices(0, null, null, VoiceDistinctnessFigure.BetweenVoicesTarget, VoiceDistinctnessFigure.ConsecutiveDaysTarget, null,
                "No daily email was sent to an active reader that day: nothing to measure.");
        }

        var samples = readers.Select(r => (r, days[r.Id])).ToList();
        try
        {
            var figure = await meter.MeasureAsync(samples, cancellationToken);
            return new DailyReportVoices(samples.Count, figure.WorstBetweenVoices, figure.WorstConsecutiveDays,
                VoiceDistinctnessFigure.BetweenVoicesTarget, VoiceDistinctnessFigure.ConsecutiveDaysTarget,
                figure.BetweenVoicesMet && figure.ConsecutiveDaysMet, null);
        }
        catch (Exception ex) when (ex is ContentUnavailableException or InvalidOperationException or NotSupportedException or ArgumentException)
        {
            return new DailyReportVoices(samples.Count, null, null, VoiceDistinctnessFigure.BetweenVoicesTarget, VoiceDistinctnessFigure.ConsecutiveDaysTarget, null,
                "The figure could not be measured: " + ex.Message);
        }
    }
}
