using System.Globalization;
using Astropal.Data;
using Astropal.Web.Features.Delivery;
using Astropal.Web.Features.Metrics;
using Astropal.Web.Features.Ops;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Status;

/// <summary>
/// Reads each component's health signals and gives its derived state (thresholds: <see cref="StatusThresholds"/>,
/// docs/status.md). Email delivery: the delivery rate and the late share of the emails due in the last hour. Content
/// generation: today's segment failures and the LLM budget switch. Scheduler: the delivery dispatcher's last successful
/// run. Database: the readiness check. Sign-up: its error rate, Website: the 5xx rate, both over the last 15 minutes.
/// </summary>
public sealed class StatusDerivation(
    LaunchMetrics metrics,
    HealthCheckService health,
    IOptionsMonitor<StatusOptions> options)
{
    public static readonly TimeSpan EmailWindow = TimeSpan.FromHours(1);

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Every component's derived state at <paramref name="now"/>.</summary>
    public async Task<IReadOnlyList<DerivedComponentState>> DeriveAsync(AstropalDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var t = options.CurrentValue.Thresholds;
        return
        [
            await WebsiteAsync(db, now, t, cancellationToken),
            await SignupAsync(db, now, t, cancellationToken),
            await EmailAsync(db, now, t, cancellationToken),
            await ContentAsync(db, now, t, cancellationToken),
            await SchedulerAsync(db, now, t, cancellationToken),
            await DatabaseAsync(t, cancellationToken),
        ];
    }

    private async Task<DerivedComponentState> WebsiteAsync(AstropalDbContext db, DateTimeOffset now, StatusThresholds t, CancellationToken cancellationToken)
    {
        var values = await metrics.ComputePartAsync(db, now, "requests", cancellationToken);
        var rate = values.First(v => v.Key == MetricNames.ApiErrorRate).Value;
        return rate is { } r
            ? new(StatusComponentKeys.Website, t.WebsiteErrorRate.Above(r), string.Create(Invariant, $"5xx rate {r:0.####} over the last 15 minutes"))
            : new(StatusComponentKeys.Website, Data.ComponentState.Operational, "no requests in the last 15 minutes");
    }

    private static async Task<DerivedComponentState> SignupAsync(AstropalDbContext db, DateTimeOffset now, StatusThresholds t, CancellationToken cancellationToken)
    {
        var current = RequestMinuteRecorder.MinuteOf(now);
        var since = current - LaunchMetrics.RequestWindow;
        var rows = await db.RequestMinutes.AsNoTracking()
            .Where(r => r.Minute >= since && r.Minute < current && (r.SignupAttempts > 0 || r.SignupErrors > 0))
            .Select(r => new { r.SignupAttempts, r.SignupErrors })
            .ToListAsync(cancellationToken);
        var attempts = rows.Sum(r => (long)r.SignupAttempts);
        var errors = rows.Sum(r => (long)r.SignupErrors);
        if (attempts == 0 && errors == 0)
        {
            return new(StatusComponentKeys.SignUp, Data.ComponentState.Operational, "no sign-ups in the last 15 minutes");
        }

        var rate = attempts == 0 ? 1 : Math.Min(1, (double)errors / attempts);
        return new(StatusComponentKeys.SignUp, t.SignupErrorRate.Above(rate), string.Create(Invariant, $"{errors} of {attempts} sign-ups failed in the last 15 minutes (rate {rate:0.####})"));
    }

    private static async Task<DerivedComponentState> EmailAsync(AstropalDbContext db, DateTimeOffset now, StatusThresholds t, CancellationToken cancellationToken)
    {
        var from = now - EmailWindow;
        var (sent, failed, tooLate) = await LaunchMetrics.DeliveryOutcomesAsync(db, from, now, cancellationToken);
        var due = db.Deliveries.Where(d => d.TargetAt >= from && d.TargetAt <= now);
        var total = await due.CountAsync(cancellationToken);
        if (total == 0)
        {
            return new(StatusComponentKeys.EmailDelivery, Data.ComponentState.Operational, "no emails due in the last hour");
        }

        var late = await LaunchChecklist.CountLateAsync(due, now, cancellationToken);
        var outcomes = sent + failed + tooLate;
        var rate = outcomes == 0 ? (double?)null : (double)sent / outcomes;
        var lateShare = (double)(late + tooLate) / total;
        var byRate = rate is { } r ? t.EmailDeliveryRate.Below(r) : Data.ComponentState.Operational;
        var byLateness = t.EmailLateShare.Above(Math.Min(1, lateShare));
        return new(
            StatusComponentKeys.EmailDelivery,
            StatusStates.Worst(byRate, byLateness),
            string.Create(Invariant, $"last hour: {total} due, {sent} sent, {failed} failed, {tooLate} skipped too late, {late} late; delivery rate {(rate is { } v ? v.ToString("0.####", Invariant) : "n/a")}, late share {lateShare:0.####}"));
    }

    private async Task<DerivedComponentState> ContentAsync(AstropalDbContext db, DateTimeOffset now, StatusThresholds t, CancellationToken cancellationToken)
    {
        var values = await metrics.ComputePartAsync(db, now, "llm", cancellationToken);
        var failures = values.First(v => v.Key == MetricNames.ContentGenerationFailures).Value ?? 0;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var budgetReached = await db.LlmBudgetEvents.AsNoTracking().AnyAsync(e => e.Day == today, cancellationToken);
        var byFailures = t.ContentFailures.Above(failures);

        // The budget switch stops the LLM providers for the rest of the day: content still goes out (offline composer), degraded.
        var state = budgetReached ? StatusStates.Worst(byFailures, Data.ComponentState.DegradedPerformance) : byFailures;
        return new(StatusComponentKeys.ContentGeneration, state, string.Create(Invariant,
            $"{failures:0} segment failure(s) today; LLM daily budget {(budgetReached ? "reached (providers switched off until tomorrow)" : "not reached")}"));
    }

    private static async Task<DerivedComponentState> SchedulerAsync(AstropalDbContext db, DateTimeOffset now, StatusThresholds t, CancellationToken cancellationToken)
    {
        var id = DeliveryDispatchJob.Key.ToString();
        var run = await db.JobRuns.AsNoTracking().FirstOrDefaultAsync(r => r.JobKey == id, cancellationToken);
        var lastSuccess = run?.LastSucceededAt ?? (run?.LastOutcome == Jobs.JobRunRecorder.Succeeded ? run.LastFinishedAt : null);
        if (run?.LastOutcome == Jobs.JobRunRecorder.Running && (lastSuccess is null || run.LastStartedAt > lastSuccess))
        {
            // A run in progress counts as alive from its start: a long dispatch is not a stopped scheduler.
            lastSuccess = run.LastStartedAt;
        }

        if (lastSuccess is not { } last)
        {
            return new(StatusComponentKeys.Scheduler, Data.ComponentState.Operational, "no successful dispatcher run recorded yet");
        }

        var minutes = Math.Max(0, (now - last).TotalMinutes);
        return new(StatusComponentKeys.Scheduler, t.DispatcherStaleMinutes.Above(minutes), string.Create(Invariant,
            $"delivery dispatcher last succeeded {minutes:0.#} min ago ({last:u}); last outcome {run!.LastOutcome}"));
    }

    private async Task<DerivedComponentState> DatabaseAsync(StatusThresholds t, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(r => r.Name == "database", cancellationToken);
        if (!report.Entries.TryGetValue("database", out var entry))
        {
            return new(StatusComponentKeys.Database, Data.ComponentState.Operational, "no database readiness check registered");
        }

        var seconds = entry.Duration.TotalSeconds;
        var state = entry.Status switch
        {
            HealthStatus.Unhealthy => Data.ComponentState.MajorOutage,
            HealthStatus.Degraded => StatusStates.Worst(Data.ComponentState.DegradedPerformance, t.DatabaseCheckSeconds.Above(seconds)),
            _ => t.DatabaseCheckSeconds.Above(seconds),
        };
        return new(StatusComponentKeys.Database, state, string.Create(Invariant, $"readiness {entry.Status} in {seconds:0.###} s: {entry.Description}"));
    }
}
