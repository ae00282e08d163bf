using Astropal.Core.Delivery;
using Astropal.Data;
using Microsoft.EntityFrameworkCore;

namespace Astropal.Web.Features.Metrics;

/// <summary>What the console page and the operator API show: current readings, stored series and the breakdowns.</summary>
public sealed class MetricsReport(IDbContextFactory<AstropalDbContext> dbFactory, LaunchMetrics metrics, MetricTargets targets, TimeProvider clock)
{
    /// <summary>Longest series one request may ask for.</summary>
    public static readonly TimeSpan MaxSeriesRange = TimeSpan.FromDays(400);

    public async Task<IReadOnlyList<MetricReading>> CurrentAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var values = await metrics.ComputeAsync(db, clock.GetUtcNow(), cancellationToken);
        var effective = await targets.EffectiveAsync(db, cancellationToken);
        return MetricDefinition.All
            .Select(d =>
            {
                var value = values.GetValueOrDefault(d.Name);
                var target = effective[d.Name];
                return new MetricReading(d, value, target, target.StateOf(value));
            })
            .ToList();
    }

    /// <summary>The effective target of one metric.</summary>
    public async Task<MetricTarget> TargetOfAsync(string metric, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await targets.EffectiveAsync(db, cancellationToken))[metric];
    }

    /// <summary>The stored samples of one metric with <c>from ≤ At &lt; to</c>, oldest first (minute samples and hourly rollups).</summary>
    public async Task<IReadOnlyList<MetricPoint>> SeriesAsync(string metric, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.MetricSamples.AsNoTracking()
            .Where(s => s.Metric == metric && s.At >= from && s.At < to)
            .Select(s => new { s.At, s.PeriodMinutes, s.Value })
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.At).Select(r => new MetricPoint(r.At, r.PeriodMinutes, r.Value)).ToList();
    }

    public async Task<MetricBreakdowns> BreakdownsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var day = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var week = now.AddDays(-7);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var byHour = await db.Deliveries
            .Where(d => d.Status == DeliveryStatus.Sent && d.SentAt >= day)
            .Join(db.Readers, d => d.ReaderId, r => r.Id, (d, r) => r.DeliveryTime)
            .ToListAsync(cancellationToken);
        var opens = await db.Deliveries
            .Where(d => d.Status == DeliveryStatus.Sent && d.SentAt >= week)
            .Join(db.Readers, d => d.ReaderId, r => r.Id, (d, r) => new
            {
                r.Perspective,
                Opened = db.EngagementEvents.Any(e => e.DeliveryId == d.Id && e.Kind == EngagementKind.Open && e.IsFirst),
            })
            .GroupBy(x => x.Perspective)
            .Select(g => new { g.Key, Delivered = g.Count(), Opened = g.Count(x => x.Opened) })
            .ToListAsync(cancellationToken);
        var spend = await db.LlmCalls.AsNoTracking()
            .Where(c => c.At >= day)
            .Select(c => new { c.Provider, c.CostUsd })
            .ToListAsync(cancellationToken);
        return new MetricBreakdowns(
            byHour.GroupBy(t => t.Hour).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList(),
            opens.OrderBy(o => o.Key).Select(o => (o.Key.ToString().ToLowerInvariant(), o.Delivered, o.Opened)).ToList(),
            spend.GroupBy(c => c.Provider).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Sum(c => c.CostUsd))).ToList());
    }
}
