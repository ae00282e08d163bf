using Astropal.Data;
using Astropal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace Astropal.Web.Features.Metrics;

/// <summary>
/// Samples every launch metric into <c>MetricSamples</c> once a minute; (metric, minute) is unique, so a second
/// sample of a minute (a retried job, a second instance) is skipped. Rolls minute samples older than seven days into
/// hourly means and deletes samples older than 400 days.
/// </summary>
public sealed partial class MetricSampler(IDbContextFactory<AstropalDbContext> dbFactory, LaunchMetrics metrics, TimeProvider clock, ILogger<MetricSampler> logger)
{
    public static readonly TimeSpan MinuteSamplesKept = TimeSpan.FromDays(7);

    public static readonly TimeSpan Retention = TimeSpan.FromDays(400);

    /// <summary>Samples the current minute; returns how many rows were written (0 if the minute was already sampled).</summary>
    public async Task<int> SampleAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var minute = RequestMinuteRecorder.MinuteOf(now);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.MetricSamples.AnyAsync(s => s.PeriodMinutes == 1 && s.At == minute, cancellationToken))
        {
            return 0;
        }

        var values = await metrics.ComputeAsync(db, now, cancellationToken);
        foreach (var (name, value) in values)
        {
            db.MetricSamples.Add(new MetricSample { Metric = name, At = minute, PeriodMinutes = 1, Value = value });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return values.Count;
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            return 0;
        }
    }

    /// <summary>Replaces minute samples older than seven days by hourly means and deletes samples older than 400 days.</summary>
    public async Task<(int HoursRolledUp, int Deleted)> RollUpAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rollBefore = HourOf(now - MinuteSamplesKept);
        var keepFrom = now - Retention;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var minutes = await db.MetricSamples.AsNoTracking()
            .Where(s => s.PeriodMinutes == 1 && s.At < rollBefore)
            .Select(s => new { s.Metric, s.At, s.Value })
            .ToListAsync(cancellationToken);
        var hours = minutes.GroupBy(s => (s.Metric, Hour: HourOf(s.At))).ToList();
        var existing = (await db.MetricSamples.AsNoTracking()
                .Where(s => s.PeriodMinutes == 60 && s.At < rollBefore && s.At >= keepFrom.AddHours(-1))
                .Select(s => new { s.Metric, s.At })
                .ToListAsync(cancellationToken))
            .Select(s => (s.Metric, s.At))
            .ToHashSet();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var hour in hours.Where(h => !existing.Contains((h.Key.Metric, h.Key.Hour))))
        {
            var present = hour.Where(s => s.Value.HasValue).Select(s => s.Value!.Value).ToList();
            db.MetricSamples.Add(new MetricSample
            {
                Metric = hour.Key.Metric,
                At = hour.Key.Hour,
                PeriodMinutes = 60,
                Value = present.Count == 0 ? null : present.Average(),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        await db.MetricSamples.Where(s => s.PeriodMinutes == 1 && s.At < rollBefore).ExecuteDeleteAsync(cancellationToken);
        var deleted = await db.MetricSamples.Where(s => s.At < keepFrom).ExecuteDeleteAsync(cancellationToken);
        deleted += await db.RequestMinutes.Where(r => r.Minute < now - MinuteSamplesKept).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (hours.Count > 0 || deleted > 0)
        {
            Log.RolledUp(logger, hours.Count, deleted);
        }

        return (hours.Count, deleted);
    }

    public static DateTimeOffset HourOf(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Metric samples: {Hours} metric-hours rolled up, {Deleted} old rows deleted")]
        public static partial void RolledUp(ILogger logger, int hours, int deleted);
    }
}
