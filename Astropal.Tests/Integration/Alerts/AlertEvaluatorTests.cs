using Astropal.Core.Content;
using Astropal.Core.Readers;
using Astropal.Data;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Alerts;
using Astropal.Web.Features.Metrics;
using Microsoft.EntityFrameworkCore;

namespace Astropal.Tests.Integration.Alerts;

/// <summary>The evaluator on a real SQLite file and a fake clock: episodes open, fire, remind and resolve, each message once.</summary>
public sealed class AlertEvaluatorTests
{
    private const string Registrations = MetricNames.UserRegistrations;

    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task A_rule_with_no_duration_fires_once_at_the_first_evaluation_past_its_threshold()
    {
        // No beta readers: user.registrations = 0 < 4.
        await using var host = await AlertsTestHost.StartAsync("alerts-fire-once");

        await host.EvaluateAsync();
        host.Time.Advance(Minute);
        await host.EvaluateAsync();
        host.Time.Advance(Minute);
        await host.EvaluateAsync();

        var episode = Assert.Single(await host.EpisodesAsync(Registrations));
        Assert.Equal(AlertEpisodeState.Firing, episode.State);
        Assert.Equal(MetricsTestHost.Now, episode.StartedAt);
        Assert.Equal(MetricsTestHost.Now, episode.FiredAt);
        Assert.Equal(4, episode.Threshold);
        Assert.Equal(0, episode.Value);
        Assert.Equal([AlertMessageKinds.Firing], await host.MessagesAsync(Registrations));
        Assert.Equal([AlertEventKinds.Pending, AlertEventKinds.Fired], episode.Events.OrderBy(e => e.Id).Select(e => e.Kind));
    }

    [Fact]
    public async Task A_below_4_after_1_hour_rule_does_not_fire_at_59_minutes_and_fires_at_60()
    {
        await using var host = await AlertsTestHost.StartAsync("alerts-duration");
        const string rule = AlertRules.BetaUserRegistrationFailed;

        await host.EvaluateAsync();
        Assert.Equal(AlertEpisodeState.Pending, Assert.Single(await host.EpisodesAsync(rule)).State);

        host.Time.Advance(TimeSpan.FromMinutes(59));
        await host.EvaluateAsync();
        Assert.Equal(AlertEpisodeState.Pending, Assert.Single(await host.EpisodesAsync(rule)).State);
        Assert.Empty(await host.MessagesAsync(rule));

        host.Time.Advance(Minute);
        await host.EvaluateAsync();
        var episode = Assert.Single(await host.EpisodesAsync(rule));
        Assert.Equal(AlertEpisodeState.Firing, episode.State);
        Assert.Equal(MetricsTestHost.Now.AddHours(1), episode.FiredAt);
        Assert.Equal(AlertSeverity.High, episode.Severity);
        Assert.Equal([AlertMessageKinds.Firing], await host.MessagesAsync(rule));
    }

    [Fact]
    public async Task A_firing_episode_resolves_after_ResolveAfter_false_evaluations_with_exactly_one_resolved_message()
    {
        await using var host = await AlertsTestHost.StartAsync("alerts-resolve", new Dictionary<string, string?> { ["Alerts:ResolveAfter"] = "3" });
        await host.EvaluateAsync();
        var readers = new List<Reader>();
        for (var i = 0; i < 4; i++)
        {
            readers.Add(await host.AddReaderAsync(cohort: "beta"));
        }

        // Two clear evaluations, then the condition holds again: the count starts over.
        for (var i = 0; i < 2; i++)
        {
            host.Time.Advance(Minute);
            await host.EvaluateAsync();
        }

        Assert.Equal(2, Assert.Single(await host.EpisodesAsync(Registrations)).ClearEvaluations);
        await SetStatusAsync(host, readers[0].Id, ReaderStatus.Paused);
        host.Time.Advance(Minute);
        await host.EvaluateAsync();
        Assert.Equal(0, Assert.Single(await host.EpisodesAsync(Registrations)).ClearEvaluations);
        await SetStatusAsync(host, readers[0].Id, ReaderStatus.Active);

        for (var i = 0; i < 2; i++)
        {
            host.Time.Advance(Minute);
            await host.EvaluateAsync();
            Assert.Equal(AlertEpisodeState.Firing, Assert.Single(await host.EpisodesAsync(Registrations)).State);
        }

        host.Time.Advance(Minute);
        await host.EvaluateAsync();
        host.Time.Advance(Minute);
        await host.EvaluateAsync();

        var episode = Assert.Single(await host.EpisodesAsync(Registrations));
        Assert.Equal(AlertEpisodeState.Resolved, episode.State);
        Assert.Equal(MetricsTestHost.Now.AddMinutes(6), episode.ResolvedAt);
        Assert.Equal([AlertMessageKinds.Firing, AlertMessageKinds.Resolved], await host.MessagesAsync(Registrations));
        Assert.Contains(episode.Events, e => e.Kind == AlertEventKinds.HeldAgain);
    }

    [Fact]
    public async Task A_pending_episode_whose_condition_clears_resolves_and_sends_nothing()
    {
        await using var host = await AlertsTestHost.StartAsync("alerts-pending-clears");
        const string rule = AlertRules.BetaUserRegistrationFailed;
        await host.EvaluateAsync();
        for (var i = 0; i < 4; i++)
        {
            await host.AddReaderAsync(cohort: "beta");
        }

        host.Time.Advance(TimeSpan.FromMinutes(30));
        await host.EvaluateAsync();

        var episode = Assert.Single(await host.EpisodesAsync(rule));
        Assert.Equal(AlertEpisodeState.Resolved, episode.State);
        Assert.Null(episode.FiredAt);
        Assert.Empty(await host.MessagesAsync(rule));
        Assert.Contains("nothing was sent", episode.Events.Single(e => e.Kind == AlertEventKinds.Resolved).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reminders_go_out_only_with_RepeatEvery_and_not_while_silenced_or_acknowledged()
    {
        await using var host = await AlertsTestHost.StartAsync("alerts-reminders", new Dictionary<string, string?>
        {
            [$"Alerts:Rules:{Registrations}:RepeatEvery"] = "00:10:00",
        });
        await host.EvaluateAsync();
        host.Time.Advance(TimeSpan.FromMinutes(9));
        await host.EvaluateAsync();
        Assert.Equal([AlertMessageKinds.Firing], await host.MessagesAsync(Registrations));

        host.Time.Advance(Minute);
        await host.EvaluateAsync();
        Assert.Equal([AlertMessageKinds.Firing, AlertMessageKinds.Reminder], await host.MessagesAsync(Registrations));

        // Silenced for an hour: no reminder in it; one after it.
        var id = Assert.Single(await host.EpisodesAsync(Registrations)).Id;
        var operations = host.Get<AlertOperations>();
        Assert.True((await operations.SilenceAsync(id, host.Time.GetUtcNow().AddHours(1), "ops@example.com", CancellationToken.None)).Succeeded);
        for (var i = 0; i < 5; i++)
        {
            host.Time.Advance(TimeSpan.FromMinutes(10));
            await host.EvaluateAsync();
        }

        Assert.Equal(2, (await host.MessagesAsync(Registrations)).Count);
        host.Time.Advance(TimeSpan.FromMinutes(10));
        await host.EvaluateAsync();
        Assert.Equal(3, (await host.MessagesAsync(Registrations)).Count);

        // Acknowledged: no more reminders at all.
        Assert.True((await operations.AcknowledgeAsync(id, "ops@example.com", CancellationToken.None)).Succeeded);
        for (var i = 0; i < 3; i++)
        {
            host.Time.Advance(TimeSpan.FromMinutes(10));
            await host.EvaluateAsync();
        }

        Assert.Equal(3, (await host.MessagesAsync(Registrations)).Count);

        // user.active.daily (0 < 3) fires too, but has no RepeatEvery: only its firing message in all that time.
        Assert.Equal([AlertMessageKinds.Firing], await host.MessagesAsync(MetricNames.UserActiveDaily));
    }

    [Fact]
    public async Task An_Admins_threshold_change_moves_the_metric_rule()
    {
        await using var host = await AlertsTestHost.StartAsync("alerts-target-moves");
        Assert.Null(await host.Get<MetricTargets>().SetAsync(Registrations, 0, 0, "admin@example.com", CancellationToken.None));

        await host.EvaluateAsync();

        Assert.Empty(await host.EpisodesAsync(Registrations));
        Assert.Single(await host.EpisodesAsync(AlertRules.BetaUserRegistrationFailed));
    }

    [Fact]
    public async Task The_LLM_budget_event_of_today_holds_the_cost_rule_below_its_threshold()
    {
        await using var host = await AlertsTestHost.StartAsync("alerts-budget");
        await host.EvaluateAsync();
        Assert.Empty(await host.EpisodesAsync(MetricNames.CostDailyTotal));

        // Yesterday's event does not count; today's does.
        var today = DateOnly.FromDateTime(MetricsTestHost.Now.UtcDateTime);
        await host.AddAsync(new LlmBudgetEvent { Day = today.AddDays(-1), At = MetricsTestHost.Now.AddDays(-1), SpentUsd = 2, BudgetUsd = 2 });
        await host.EvaluateAsync();
        Assert.Empty(await host.EpisodesAsync(MetricNames.CostDailyTotal));

        await host.AddAsync(new LlmBudgetEvent { Day = today, At = MetricsTestHost.Now, SpentUsd = 2.01m, BudgetUsd = 2 });
        host.Time.Advance(Minute);
        await host.EvaluateAsync();

        var episode = Assert.Single(await host.EpisodesAsync(MetricNames.CostDailyTotal));
        Assert.Equal(AlertEpisodeState.Firing, episode.State);
        Assert.True(episode.Value < episode.Threshold);
        Assert.Contains("budget reached", episode.Events.Single(e => e.Kind == AlertEventKinds.Fired).Detail, StringComparison.Ordinal);
        Assert.Equal([AlertMessageKinds.Firing], await host.MessagesAsync(MetricNames.CostDailyTotal));
    }

    [Fact]
    public async Task No_data_counts_as_the_condition_false()
    {
        // No requests: api.error.rate and api.response.p95 have no value; a "< 1" rule on them never opens.
        await using var host = await AlertsTestHost.StartAsync("alerts-no-data", new Dictionary<string, string?>
        {
            ["Alerts:Rules:slow-or-silent:Metric"] = MetricNames.ApiResponseP95,
            ["Alerts:Rules:slow-or-silent:Comparison"] = "<",
            ["Alerts:Rules:slow-or-silent:Threshold"] = "1",
        });

        await host.EvaluateAsync();

        Assert.Empty(await host.EpisodesAsync("slow-or-silent"));
        Assert.Empty(await host.EpisodesAsync(MetricNames.ApiResponseP95));
    }

    [Fact]
    public async Task Two_evaluators_on_the_same_database_open_one_episode_per_rule_and_queue_one_firing_message()
    {
        await using var first = await AlertsTestHost.StartAsync("alerts-two-evaluators");
        await using var second = await AlertsTestHost.StartAsync("alerts-two-evaluators", dataDirectory: first.DataDirectory, time: first.Time);

        for (var round = 0; round < 5; round++)
        {
            await Task.WhenAll(first.EvaluateAsync(), second.EvaluateAsync());
            first.Time.Advance(Minute);
        }

        await using var db = await first.Db.CreateDbContextAsync();
        var open = await db.AlertEpisodes.Where(e => e.ResolvedAt == null).Select(e => e.Rule).ToListAsync();
        Assert.Equal(open.Distinct().Count(), open.Count);
        Assert.Contains(Registrations, open);
        Assert.Equal([AlertMessageKinds.Firing], await first.MessagesAsync(Registrations));
        Assert.Equal([AlertMessageKinds.Firing], await first.MessagesAsync(MetricNames.UserActiveDaily));
    }

    [Fact]
    public async Task An_evaluator_whose_episode_was_changed_meanwhile_skips_the_rule_and_queues_nothing()
    {
        await using var host = await AlertsTestHost.StartAsync("alerts-stale");
        var outbox = host.Get<RecordingAlertOutbox>();
        var raced = false;
        outbox.OnEnqueue = (episode, _) =>
        {
            if (episode.Rule != Registrations || raced)
            {
                return;
            }

            // A second evaluator fires the same episode between this one's read and its save.
            raced = true;
            using var other = host.Db.CreateDbContext();
            other.AlertEpisodes.Where(e => e.Id == episode.Id)
                .ExecuteUpdate(s => s.SetProperty(e => e.Version, e => e.Version + 1).SetProperty(e => e.State, AlertEpisodeState.Firing));
        };

        var result = await host.EvaluateAsync();

        Assert.True(raced);
        Assert.Equal(1, result.Skipped);
        Assert.Empty(await host.MessagesAsync(Registrations));
        var episode = Assert.Single(await host.EpisodesAsync(Registrations));
        Assert.Null(episode.FiredAt);
        Assert.Equal([AlertMessageKinds.Firing], await host.MessagesAsync(MetricNames.UserActiveDaily));
    }

    [Fact]
    public async Task An_open_episode_of_a_rule_no_longer_configured_resolves_with_one_resolved_message()
    {
        string dataDirectory;
        await using (var before = await AlertsTestHost.StartAsync("alerts-orphan"))
        {
            await before.EvaluateAsync();
            dataDirectory = before.DataDirectory;
            await using var after = await AlertsTestHost.StartAsync(
                "alerts-orphan",
                new Dictionary<string, string?> { [$"Alerts:Rules:{Registrations}:Enabled"] = "false" },
                dataDirectory,
                before.Time);
            after.Time.Advance(Minute);
            await after.EvaluateAsync();

            var episode = Assert.Single(await after.EpisodesAsync(Registrations));
            Assert.Equal(AlertEpisodeState.Resolved, episode.State);
            Assert.Equal([AlertMessageKinds.Firing, AlertMessageKinds.Resolved], await after.MessagesAsync(Registrations));
        }
    }

    private static async Task SetStatusAsync(MetricsTestHost host, Guid readerId, ReaderStatus status)
    {
        await using var db = await host.Db.CreateDbContextAsync();
        await db.Readers.Where(r => r.Id == readerId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, status));
    }
}
