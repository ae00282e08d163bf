using Astropal.Web.Infrastructure.Metrics;
using Astropal.Core.Content;
using Astropal.Core.Content.Llm;
using Astropal.Core.Delivery;
using Astropal.Core.Readers;
using Astropal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Metrics;

/// <summary>
/// Computes the launch metrics from the database, so they are right across app instances and include work done by
/// commands (definitions in docs/metrics.md). The sampler, the console page, the operator API and the benchmark all
/// call <see cref="ComputeAsync"/>. A rate with nothing to divide by is null ("no data").
/// </summary>
public sealed class LaunchMetrics(IOptionsMonitor<MetricsOptions> metricsOptions, IOptionsMonitor<LlmOptions> llmOptions)
{
    /// <summary>How the delivery sender words a skip for lateness (<c>too late: …</c>).</summary>
    public const string TooLatePrefix = "too late";

    public static readonly TimeSpan RequestWindow = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The parts of the computation, each one query (or one group of queries) giving one or more metrics:
    /// <c>requests</c> gives the error rate and p95, <c>llm</c> the cost, tokens and generation failures.
    /// </summary>
    public static IReadOnlyList<string> Parts { get; } =
    [
        MetricNames.UserRegistrations, MetricNames.UserActiveDaily, MetricNames.EmailDeliveryRate, MetricNames.EmailOpenRate, "requests", "llm",
    ];

    /// <summary>Every metric's value at <paramref name="now"/>, by name.</summary>
    public async Task<IReadOnlyDictionary<string, double?>> ComputeAsync(AstropalDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, double?>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in Parts)
        {
            foreach (var (name, value) in await ComputePartAsync(db, now, part, cancellationToken))
            {
                values[name] = value;
            }
        }

        return values;
    }

    /// <summary>The metrics of one of <see cref="Parts"/> at <paramref name="now"/> (the benchmark times each part).</summary>
    public async Task<IReadOnlyList<KeyValuePair<string, double?>>> ComputePartAsync(AstropalDbContext db, DateTimeOffset now, string part, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var day = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        switch (part)
        {
            case MetricNames.UserRegistrations:
                return [new(part, await BetaReadersAsync(db, cancellationToken))];
            case MetricNames.UserActiveDaily:
                return [new(part, await ActiveTodayAsync(db, day, cancellationToken))];
            case MetricNames.EmailDeliveryRate:
                return [new(part, await DeliveryRateAsync(db, now, cancellationToken))];
            case MetricNames.EmailOpenRate:
                return [new(part, await OpenRateAsync(db, now, cancellationToken))];
            case "requests":
                var (errorRate, p95) = await RequestsAsync(db, now, cancellationToken);
                return [new(MetricNames.ApiErrorRate, errorRate), new(MetricNames.ApiResponseP95, p95)];
            case "llm":
                var (cost, tokens, failures) = await LlmAsync(db, day, cancellationToken);
                return [new(MetricNames.CostDailyTotal, cost), new(MetricNames.LlmTokensDaily, tokens), new(MetricNames.ContentGenerationFailures, failures)];
            default:
                throw new ArgumentOutOfRangeException(nameof(part), part, $"Parts are {string.Join(", ", Parts)}.");
        }
    }

    /// <summary>
    /// Of the emails due in [<paramref name="from"/>, <paramref name="to"/>]: how many were sent, failed, and skipped as too
    /// late; the delivery rate is sent ÷ their sum (this rate over 24 hours; the status page's Email delivery over one hour).
    /// </summary>
    public static async Task<(int Sent, int Failed, int Late)> DeliveryOutcomesAsync(AstropalDbContext db, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var due = db.Deliveries.Where(d => d.TargetAt >= from && d.TargetAt <= to);
        var sent = await due.CountAsync(d => d.Status == DeliveryStatus.Sent, cancellationToken);
        var failed = await due.CountAsync(d => d.Status == DeliveryStatus.Failed, cancellationToken);
        var late = await due.CountAsync(d => d.Status == DeliveryStatus.Skipped && d.LastError != null && d.LastError.StartsWith(TooLatePrefix), cancellationToken);
        return (sent, failed, late);
    }

    private static async Task<double?> BetaReadersAsync(AstropalDbContext db, CancellationToken cancellationToken) =>
        await db.Readers.CountAsync(r => r.Cohort == "beta" && r.Status == ReaderStatus.Active, cancellationToken);

    // A union of two index ranges (the sent emails of today, the readers active today) rather than a probe of the
    // ledger for every reader: 0.2 s instead of 2 s at 100,000 readers and 30 days of emails (metrics benchmark).
    private static async Task<double?> ActiveTodayAsync(AstropalDbContext db, DateTimeOffset day, CancellationToken cancellationToken) =>
        await db.Deliveries.Where(d => d.Status == DeliveryStatus.Sent && d.SentAt >= day).Select(d => d.ReaderId)
            .Union(db.Readers.Where(r => r.LastActivityAt >= day).Select(r => r.Id))
            .CountAsync(cancellationToken);

    private static async Task<double?> DeliveryRateAsync(AstropalDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The emails due in the last 24 hours that have an outcome.
        var (sent, failed, late) = await DeliveryOutcomesAsync(db, now.AddHours(-24), now, cancellationToken);
        var total = sent + failed + late;
        return total == 0 ? null : (double)sent / total;
    }

    private static async Task<double?> OpenRateAsync(AstropalDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var from = now.AddHours(-48);
        var to = now.AddHours(-24);
        var delivered = db.Deliveries.Where(d => d.Status == DeliveryStatus.Sent && d.SentAt >= from && d.SentAt < to);
        var total = await delivered.CountAsync(cancellationToken);
        if (total == 0)
        {
            return null;
        }

        var opened = await delivered.CountAsync(
            d => db.EngagementEvents.Any(e => e.DeliveryId == d.Id && e.Kind == EngagementKind.Open && e.IsFirst),
            cancellationToken);
        return (double)opened / total;
    }

    private static async Task<(double? ErrorRate, double? P95)> RequestsAsync(AstropalDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var current = RequestMinuteRecorder.MinuteOf(now);
        var since = current - RequestWindow;
        var rows = await db.RequestMinutes.AsNoTracking()
            .Where(r => r.Minute >= since && r.Minute < current)
            .Select(r => new { r.Requests, r.ServerErrors, r.DurationBuckets })
            .ToListAsync(cancellationToken);
        var requests = rows.Sum(r => (long)r.Requests);
        if (requests == 0)
        {
            return (null, null);
        }

        var buckets = new long[RequestDurationBuckets.Count];
        foreach (var row in rows)
        {
            var counts = RequestDurationBuckets.Parse(row.DurationBuckets);
            for (var i = 0; i < buckets.Length; i++)
            {
                buckets[i] += counts[i];
            }
        }

        return ((double)rows.Sum(r => (long)r.ServerErrors) / requests, RequestDurationBuckets.P95(buckets));
    }

    private async Task<(double Cost, double Tokens, double Failures)> LlmAsync(AstropalDbContext db, DateTimeOffset day, CancellationToken cancellationToken)
    {
        var calls = await db.LlmCalls.AsNoTracking()
            .Where(c => c.At >= day && c.At < day.AddDays(1))
            .Select(c => new { c.Provider, c.SegmentKey, c.CostUsd, c.InputTokens, c.OutputTokens, c.Outcome })
            .ToListAsync(cancellationToken);
        var cost = calls.Sum(c => c.CostUsd) + metricsOptions.CurrentValue.FixedDailyCostUsd;
        var tokens = calls.Sum(c => (long)c.InputTokens + c.OutputTokens);

        // A segment failed when no call for it succeeded and every provider with a key failed for it (a budget stop is
        // not a provider failure). With no key set there is nothing to fail.
        var configured = llmOptions.CurrentValue.Configured().Select(SegmentGenerator.ProviderName).ToList();
        var failures = configured.Count == 0
            ? 0
            : calls.GroupBy(c => c.SegmentKey)
                .Count(g => g.All(c => c.Outcome != LlmCallOutcome.Success)
                            && configured.All(p => g.Any(c => string.Equals(c.Provider, p, StringComparison.OrdinalIgnoreCase)
                                                              && c.Outcome != LlmCallOutcome.BudgetExceeded)));
        return ((double)cost, tokens, failures);
    }
}
