using Astropal.Core.Content;
using Astropal.Core.Delivery;
using Astropal.Data;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Jobs;
using Astropal.Web.Features.Status;

namespace Astropal.Tests.Integration.Status;

/// <summary>Each component's state derived from its health signals on a real SQLite file and a fake clock.</summary>
public sealed class StatusDerivationTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task With_the_dispatcher_paused_past_its_interval_the_scheduler_leaves_operational_by_itself_and_returns_after_resume()
    {
        await using var host = await StatusTestHost.StartAsync("status-scheduler");
        await host.FireDispatcherAsync();
        await host.DeriveAsync();
        Assert.Equal(ComponentState.Operational, (await host.ComponentAsync(StatusComponentKeys.Scheduler)).State);

        var pauses = host.Get<JobPauses>();
        Assert.True((await pauses.PauseAsync(null, "rollback drill", "ops@example.com", CancellationToken.None)).Succeeded);
        for (var i = 0; i < 4; i++)
        {
            host.Time.Advance(Minute);
            await host.FireDispatcherAsync();
            await host.DeriveAsync();
        }

        var stopped = await host.ComponentAsync(StatusComponentKeys.Scheduler);
        Assert.NotEqual(ComponentState.Operational, stopped.State);
        Assert.Equal(ComponentState.DegradedPerformance, stopped.DerivedState);
        Assert.Contains("skipped", stopped.DerivedReason, StringComparison.Ordinal);

        host.Time.Advance(TimeSpan.FromMinutes(30));
        await host.FireDispatcherAsync();
        await host.DeriveAsync();
        Assert.Equal(ComponentState.MajorOutage, (await host.ComponentAsync(StatusComponentKeys.Scheduler)).State);

        Assert.True((await pauses.ResumeAsync(null, "ops@example.com", CancellationToken.None)).Succeeded);
        host.Time.Advance(Minute);
        await host.FireDispatcherAsync();
        await host.DeriveAsync();

        Assert.Equal(ComponentState.Operational, (await host.ComponentAsync(StatusComponentKeys.Scheduler)).State);
        var changes = await host.ChangesAsync(StatusComponentKeys.Scheduler);
        Assert.Equal(
            [ComponentState.Operational, ComponentState.DegradedPerformance, ComponentState.MajorOutage, ComponentState.Operational],
            changes.Select(c => c.State));
        Assert.All(changes, c => Assert.Equal(StatusUpdater.SourceDerived, c.Source));
    }

    [Fact]
    public async Task Email_delivery_follows_the_last_hours_delivery_rate_and_lateness()
    {
        await using var host = await StatusTestHost.StartAsync("status-email");
        var reader = await host.AddReaderAsync();
        var now = host.Time.GetUtcNow();
        for (var i = 0; i < 9; i++)
        {
            await host.AddDeliveryAsync(reader.Id, DeliveryStatus.Sent, now.AddMinutes(-30), now.AddMinutes(-29));
        }

        await host.DeriveAsync();
        Assert.Equal(ComponentState.Operational, (await host.ComponentAsync(StatusComponentKeys.EmailDelivery)).State);

        // One failure in ten: rate 0.9, not below the partial-outage threshold 0.90 but below degraded 0.98.
        await host.AddDeliveryAsync(reader.Id, DeliveryStatus.Failed, now.AddMinutes(-20));
        await host.DeriveAsync();
        Assert.Equal(ComponentState.DegradedPerformance, (await host.ComponentAsync(StatusComponentKeys.EmailDelivery)).State);

        // Emails due half an hour ago and still pending are late: 10 of 20 late is a partial outage.
        for (var i = 0; i < 10; i++)
        {
            await host.AddDeliveryAsync(reader.Id, DeliveryStatus.Pending, now.AddMinutes(-30));
        }

        await host.DeriveAsync();
        var email = await host.ComponentAsync(StatusComponentKeys.EmailDelivery);
        Assert.Equal(ComponentState.PartialOutage, email.State);
        Assert.Contains("10 late", email.DerivedReason, StringComparison.Ordinal);

        // Older than an hour no longer counts.
        host.Time.Advance(TimeSpan.FromHours(2));
        await host.DeriveAsync();
        Assert.Equal(ComponentState.Operational, (await host.ComponentAsync(StatusComponentKeys.EmailDelivery)).State);
    }

    [Fact]
    public async Task Content_generation_is_degraded_by_the_budget_switch_and_out_by_many_segment_failures()
    {
        await using var host = await StatusTestHost.StartAsync("status-content", new Dictionary<string, string?> { ["Llm:Providers:Grok:ApiKey"] = "xai-test" });
        await host.DeriveAsync();
        Assert.Equal(ComponentState.Operational, (await host.ComponentAsync(StatusComponentKeys.ContentGeneration)).State);

        var now = host.Time.GetUtcNow();
        await host.AddAsync(new LlmBudgetEvent { Day = DateOnly.FromDateTime(now.UtcDateTime), At = now, SpentUsd = 5, BudgetUsd = 5 });
        await host.DeriveAsync();
        Assert.Equal(ComponentState.DegradedPerformance, (await host.ComponentAsync(StatusComponentKeys.ContentGeneration)).State);

        for (var i = 0; i < 20; i++)
        {
            await host.AddAsync(new LlmCall { At = now, Provider = "grok", SegmentKey = $"segment-{i}", Outcome = LlmCallOutcome.HttpError, Model = "m" });
        }

        await host.DeriveAsync();
        Assert.Equal(ComponentState.MajorOutage, (await host.ComponentAsync(StatusComponentKeys.ContentGeneration)).State);
    }

    [Fact]
    public async Task Website_and_sign_up_follow_their_error_rates_over_the_last_15_minutes()
    {
        await using var host = await StatusTestHost.StartAsync("status-requests");
        var minute = Astropal.Web.Features.Metrics.RequestMinuteRecorder.MinuteOf(host.Time.GetUtcNow()).AddMinutes(-2);
        await host.AddAsync(new RequestMinute
        {
            Instance = "a",
            Minute = minute,
            Requests = 100,
            ServerErrors = 30,
            SignupAttempts = 10,
            SignupErrors = 1,
            DurationBuckets = string.Join(",", Enumerable.Repeat("0", Astropal.Web.Features.Metrics.RequestDurationBuckets.Count)),
        });

        await host.DeriveAsync();

        Assert.Equal(ComponentState.PartialOutage, (await host.ComponentAsync(StatusComponentKeys.Website)).State);
        Assert.Equal(ComponentState.DegradedPerformance, (await host.ComponentAsync(StatusComponentKeys.SignUp)).State);
        Assert.Equal(ComponentState.Operational, (await host.ComponentAsync(StatusComponentKeys.Database)).State);
    }
}
