using System.Globalization;
using Astropal.Data;
using Astropal.Web.Features.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Alerts;

/// <summary>
/// Evaluates every rule against the launch metrics now (<see cref="LaunchMetrics.ComputeAsync"/>, the same values the
/// sampler stores) and moves each rule's open episode: pending → firing → resolved. Each rule is saved on its own with
/// its outbox messages; a second evaluator's concurrent change (the one-open-episode-per-rule index, the
/// <see cref="AlertEpisode.Version"/> token) makes this one skip the rule until the next evaluation.
/// </summary>
public sealed partial class AlertEvaluator(
    IDbContextFactory<AstropalDbContext> dbFactory,
    LaunchMetrics metrics,
    MetricTargets targets,
    AlertRules rules,
    IAlertOutbox outbox,
    IOptionsMonitor<AlertsOptions> options,
    TimeProvider clock,
    ILogger<AlertEvaluator> logger)
{
    /// <summary>Evaluates every rule once; returns what changed.</summary>
    public async Task<AlertEvaluation> EvaluateAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        IReadOnlyDictionary<string, double?> values;
        IReadOnlyDictionary<string, MetricTarget> effective;
        LlmBudgetEventSummary? budget;
        HashSet<string> underMaintenance;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            values = await metrics.ComputeAsync(db, now, cancellationToken);
            effective = await targets.EffectiveAsync(db, cancellationToken);
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            budget = await db.LlmBudgetEvents.AsNoTracking()
                .Where(e => e.Day == today)
                .Select(e => new LlmBudgetEventSummary(e.SpentUsd, e.BudgetUsd))
                .FirstOrDefaultAsync(cancellationToken);

            // Components in an active, not cancelled maintenance window: their rules send no firing or reminder message.
            underMaintenance = (await db.MaintenanceComponents.AsNoTracking()
                    .Join(db.Maintenances.Where(m => m.CancelledAt == null && m.StartsAt <= now && m.EndsAt > now), c => c.MaintenanceId, m => m.Id, (c, m) => c.Component)
                    .ToListAsync(cancellationToken))
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
        }

        var result = new AlertEvaluation();
        foreach (var rule in rules.All())
        {
            var value = values.GetValueOrDefault(rule.Metric);
            var threshold = rule.Threshold ?? effective[rule.Metric].AlertThreshold;
            var holds = AlertComparison.Holds(rule.Comparison, value, threshold);
            string? reason = null;
            if (!holds && budget is not null && rule.Metric == MetricNames.CostDailyTotal && rule.Name == MetricNames.CostDailyTotal)
            {
                holds = true;
                reason = string.Create(CultureInfo.InvariantCulture, $"LLM daily budget reached today (spent {budget.SpentUsd:0.00} of {budget.BudgetUsd:0.00} USD)");
            }

            try
            {
                var suppressed = rule.Component is { } component && underMaintenance.Contains(component);
                await EvaluateRuleAsync(rule, value, threshold, holds, reason, suppressed, now, result, cancellationToken);
            }
            catch (DbUpdateException ex)
            {
                // Another evaluator opened or changed this rule's episode first: its change stands; next evaluation reloads.
                result.Skipped++;
                Log.Conflict(logger, rule.Name, ex);
            }
        }

        await ResolveOrphansAsync(rules.All().Select(r => r.Name).ToHashSet(StringComparer.OrdinalIgnoreCase), now, result, cancellationToken);
        return result;
    }

    /// <summary>Closes the open episodes of rules no longer configured (removed or disabled), with a resolved message if they had fired.</summary>
    private async Task ResolveOrphansAsync(HashSet<string> names, DateTimeOffset now, AlertEvaluation result, CancellationToken cancellationToken)
    {
        List<(long Id, string Rule)> open;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            open = (await db.AlertEpisodes.AsNoTracking().Where(e => e.ResolvedAt == null).Select(e => new { e.Id, e.Rule }).ToListAsync(cancellationToken))
                .Where(e => !names.Contains(e.Rule)).Select(e => (e.Id, e.Rule)).ToList();
        }

        foreach (var (id, rule) in open)
        {
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                var episode = await db.AlertEpisodes.FirstAsync(e => e.Id == id, cancellationToken);
                var fired = episode.State == AlertEpisodeState.Firing;
                episode.Version++;
                episode.LastEvaluatedAt = now;
                Resolve(episode, now, "the rule is no longer configured (removed or Enabled=false).");
                if (fired)
                {
                    outbox.Enqueue(db, episode, AlertMessageKinds.Resolved, now);
                }

                await db.SaveChangesAsync(cancellationToken);
                result.Resolved++;
            }
            catch (DbUpdateException ex)
            {
                result.Skipped++;
                Log.Conflict(logger, rule, ex);
            }
        }
    }

    /// <summary>
    /// Moves one rule's episode. <paramref name="suppressed"/> (its component is under maintenance): a pending episode does
    /// not fire (it fires after the window if the condition still holds) and a firing one sends no reminder.
    /// </summary>
    private async Task EvaluateRuleAsync(AlertRule rule, double? value, double threshold, bool holds, string? reason, bool suppressed, DateTimeOffset now, AlertEvaluation result, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var episode = await db.AlertEpisodes.FirstOrDefaultAsync(e => e.Rule == rule.Name && e.ResolvedAt == null, cancellationToken);
        var detail = Describe(rule, value, threshold, reason);
        if (episode is null && !holds)
        {
            return;
        }

        // A new episode is saved pending first (the one-open-per-rule index decides between two evaluators) so that it
        // has its id when the outbox queues its firing message. If the second save fails, it stays pending and fires at
        // the next evaluation.
        if (episode is null)
        {

            episode = new AlertEpisode
            {
                Rule = rule.Name,
                Metric = rule.Metric,
                Severity = rule.Severity,
                State = AlertEpisodeState.Pending,
                StartedAt = now,
                Threshold = threshold,
                Runbook = rule.Runbook,
            };
            db.AlertEpisodes.Add(episode);
            AddEvent(episode, now, AlertEventKinds.Pending, detail);
            await db.SaveChangesAsync(cancellationToken);
            result.Opened++;
        }

        episode.Version++;

        episode.Value = value;
        episode.LastEvaluatedAt = now;
        switch (episode.State)
        {
            case AlertEpisodeState.Pending when holds && now - episode.StartedAt >= rule.Duration && !suppressed:
                episode.State = AlertEpisodeState.Firing;
                episode.FiredAt = now;
                episode.LastNotifiedAt = now;
                episode.ClearEvaluations = 0;
                AddEvent(episode, now, AlertEventKinds.Fired, detail);
                outbox.Enqueue(db, episode, AlertMessageKinds.Firing, now);
                result.Fired++;
                break;
            case AlertEpisodeState.Pending when !holds:
                Resolve(episode, now, "condition cleared before the rule's duration; nothing was sent. " + detail);
                result.Resolved++;
                break;
            case AlertEpisodeState.Firing when holds:
                if (episode.ClearEvaluations > 0)
                {
                    episode.ClearEvaluations = 0;
                    AddEvent(episode, now, AlertEventKinds.HeldAgain, detail);
                }

                if (!suppressed
                    && rule.RepeatEvery is { } every
                    && episode.LastNotifiedAt is { } last && last + every <= now
                    && episode.AcknowledgedAt is null
                    && !(episode.SilencedUntil > now))
                {
                    episode.LastNotifiedAt = now;
                    AddEvent(episode, now, AlertEventKinds.Reminder, detail);
                    outbox.Enqueue(db, episode, AlertMessageKinds.Reminder, now);
                    result.Reminded++;
                }

                break;
            case AlertEpisodeState.Firing when !holds:
                episode.ClearEvaluations++;
                var after = options.CurrentValue.ResolveAfter;
                if (episode.ClearEvaluations >= after)
                {
                    Resolve(episode, now, string.Create(CultureInfo.InvariantCulture, $"condition false for {episode.ClearEvaluations} evaluations. {detail}"));
                    outbox.Enqueue(db, episode, AlertMessageKinds.Resolved, now);
                    result.Resolved++;
                }
                else
                {
                    AddEvent(episode, now, AlertEventKinds.Clear, string.Create(CultureInfo.InvariantCulture, $"condition false ({episode.ClearEvaluations} of {after}). {detail}"));
                }

                break;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Resolve(AlertEpisode episode, DateTimeOffset now, string detail)
    {
        episode.State = AlertEpisodeState.Resolved;
        episode.ResolvedAt = now;
        AddEvent(episode, now, AlertEventKinds.Resolved, detail);
    }

    private static void AddEvent(AlertEpisode episode, DateTimeOffset now, string kind, string detail) =>
        episode.Events.Add(new AlertEpisodeEvent { At = now, Kind = kind, Detail = detail.Length > 1024 ? detail[..1024] : detail });

    private static string Describe(AlertRule rule, double? value, double threshold, string? reason)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{rule.Metric} = {(value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "no data")}, rule {rule.ConditionText(threshold)}");
        return reason is null ? text : text + "; held: " + reason;
    }

    private sealed record LlmBudgetEventSummary(decimal SpentUsd, decimal BudgetUsd);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Alert rule {Rule} skipped this evaluation: another evaluator changed its episode first")]
        public static partial void Conflict(ILogger logger, string rule, Exception exception);
    }
}
