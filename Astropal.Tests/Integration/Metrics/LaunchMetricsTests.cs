using Astropal.Core.Content;
using Astropal.Core.Delivery;
using Astropal.Core.Readers;
using Astropal.Data;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Metrics;

namespace Astropal.Tests.Integration.Metrics;

/// <summary>Each launch metric computed from seeded rows on a real SQLite file.</summary>
public sealed class LaunchMetricsTests
{
    private static readonly DateTimeOffset Now = MetricsTestHost.Now;
    private static readonly DateTimeOffset Day = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task With_nothing_recorded_rates_have_no_data_counts_are_zero_and_cost_is_the_fixed_cost()
    {
        await using var host = await MetricsTestHost.StartAsync("metrics-empty", new Dictionary<string, string?> { ["Metrics:FixedDailyCostUsd"] = "1.5" });

        var values = await host.ComputeAsync();

        Assert.Equal(0, values[MetricNames.UserRegistrations]);
        Assert.Equal(0, values[MetricNames.UserActiveDaily]);
        Assert.Null(values[MetricNames.EmailDeliveryRate]);
        Assert.Null(values[MetricNames.EmailOpenRate]);
        Assert.Null(values[MetricNames.ApiErrorRate]);
        Assert.Null(values[MetricNames.ApiResponseP95]);
        Assert.Equal(1.5, values[MetricNames.CostDailyTotal]);
        Assert.Equal(0, values[MetricNames.LlmTokensDaily]);
        Assert.Equal(0, values[MetricNames.ContentGenerationFailures]);
        Assert.Equal(MetricDefinition.All.Select(d => d.Name).Order(), values.Keys.Order());
    }

    [Fact]
    public async Task Registrations_count_active_beta_readers_and_daily_activity_counts_readers_emailed_or_active_today_once()
    {
        await using var host = await MetricsTestHost.StartAsync("metrics-readers");
        await host.AddReaderAsync(cohort: "beta", lastActivityAt: Day.AddHours(8));
        var emailedAndActive = await host.AddReaderAsync(cohort: "beta", lastActivityAt: Day.AddHours(9));
        await host.AddReaderAsync(ReaderStatus.Paused, cohort: "beta");
        await host.AddReaderAsync(ReaderStatus.Invited, cohort: "beta");
        var emailed = await host.AddReaderAsync();
        var yesterday = await host.AddReaderAsync(lastActivityAt: Day.AddMinutes(-1));
        await host.AddDeliveryAsync(emailed.Id, DeliveryStatus.Sent, Day.AddHours(6), Day.AddHours(6).AddSeconds(3));
        await host.AddDeliveryAsync(emailedAndActive.Id, DeliveryStatus.Sent, Day.AddHours(6), Day.AddHours(6).AddSeconds(3));
        await host.AddDeliveryAsync(yesterday.Id, DeliveryStatus.Sent, Day.AddHours(-3), Day.AddHours(-3));
        await host.AddDeliveryAsync(yesterday.Id, DeliveryStatus.Failed, Day.AddHours(7));

        var values = await host.ComputeAsync();

        Assert.Equal(2, values[MetricNames.UserRegistrations]);
        Assert.Equal(3, values[MetricNames.UserActiveDaily]);
    }

    [Fact]
    public async Task Delivery_rate_is_sent_over_sent_failed_and_skipped_late_of_the_emails_due_in_the_last_24_hours()
    {
        await using var host = await MetricsTestHost.StartAsync("metrics-delivery");
        var reader = await host.AddReaderAsync();
        for (var i = 0; i < 3; i++)
        {
            await host.AddDeliveryAsync(reader.Id, DeliveryStatus.Sent, Now.AddHours(-2 - i), Now.AddHours(-2 - i).AddSeconds(5));
        }

        await host.AddDeliveryAsync(reader.Id, DeliveryStatus.Failed, Now.AddHours(-1), lastError: "send: 550 mailbox unavailable");
        await host.AddDeliveryAsync(reader.Id, DeliveryStatus.Skipped, Now.AddHours(-20), lastError: "too late: 0.03:00 after its target, more than Delivery:MaxLateness (0.02:00)");
        await host.AddDeliveryAsync(reader.Id, DeliveryStatus.Skipped, Now.AddHours(-3), lastError: "reader is paused");
        await host.AddDeliveryAsync(reader.Id, DeliveryStatus.Suppressed, Now.AddHours(-3), lastError: "address is on the suppression list");
        await host.AddDeliveryAsync(reader.Id, DeliveryStatus.Pending, Now.AddMinutes(-1));
        await host.AddDeliveryAsync(reader.Id, DeliveryStatus.Failed, Now.AddHours(-25));
        await host.AddDeliveryAsync(reader.Id, DeliveryStatus.Failed, Now.AddHours(2));

        var values = await host.ComputeAsync();

        Assert.Equal(3.0 / 5, values[MetricNames.EmailDeliveryRate]);
    }

    [Fact]
    public async Task Open_rate_counts_human_first_opens_of_the_emails_sent_24_to_48_hours_ago()
    {
        await using var host = await MetricsTestHost.StartAsync("metrics-opens");
        var reader = await host.AddReaderAsync();
        var opened = await host.AddDeliveryAsync(reader.Id, DeliveryStatus.Sent, Now.AddHours(-30), Now.AddHours(-30));
        var machineOnly = await host.AddDeliveryAsync(reader.Id, DeliveryStatus.Sent, Now.AddHours(-30), Now.AddHours(-30));
        var clickedOnly = await host.AddDeliveryAsync(reader.Id, DeliveryStatus.Sent, Now.AddHours(-47), Now.AddHours(-47));
        await host.AddDeliveryAsync(reader.Id, DeliveryStatus.Sent, Now.AddHours(-25), Now.AddHours(-25));
        var tooRecent = await host.AddDeliveryAsync(reader.Id, DeliveryStatus.Sent, Now.AddHours(-10), Now.AddHours(-10));
        var tooOld = await host.AddDeliveryAsync(reader.Id, DeliveryStatus.Sent, Now.AddHours(-49), Now.AddHours(-49));
        await host.AddAsync(
            Event(opened, EngagementKind.Open, first: true, machine: false),
            Event(opened, EngagementKind.Open, first: false, machine: false),
            Event(machineOnly, EngagementKind.Open, first: false, machine: true),
            Event(clickedOnly, EngagementKind.Click, first: true, machine: false),
            Event(tooRecent, EngagementKind.Open, first: true, machine: false),
            Event(tooOld, EngagementKind.Open, first: true, machine: false));

        var values = await host.ComputeAsync();

        Assert.Equal(1.0 / 4, values[MetricNames.EmailOpenRate]);
    }

    [Fact]
    public async Task Error_rate_and_p95_sum_the_completed_minutes_of_every_instance_in_the_last_15_minutes()
    {
        await using var host = await MetricsTestHost.StartAsync("metrics-requests");
        var minute = RequestMinuteRecorder.MinuteOf(Now);
        await host.AddAsync(
            Minute("a", minute.AddMinutes(-1), 100, 2, (5, 90), (11, 10)),
            Minute("b", minute.AddMinutes(-15), 100, 8, (3, 95), (13, 5)),
            Minute("b", minute, 1000, 1000, (16, 1000)),
            Minute("a", minute.AddMinutes(-16), 1000, 1000, (16, 1000)));

        var values = await host.ComputeAsync();

        Assert.Equal(10.0 / 200, values[MetricNames.ApiErrorRate]);
        Assert.Equal(500, values[MetricNames.ApiResponseP95]);
    }

    [Fact]
    public async Task Cost_and_tokens_are_the_utc_day_and_a_failure_is_a_segment_every_provider_with_a_key_failed()
    {
        await using var host = await MetricsTestHost.StartAsync("metrics-llm", new Dictionary<string, string?>
        {
            ["Metrics:FixedDailyCostUsd"] = "2",
            ["Llm:Providers:Grok:ApiKey"] = "xai-test",
            ["Llm:Providers:OpenAI:ApiKey"] = "sk-test",
        });
        await host.AddAsync(
            Call("grok", "s1", LlmCallOutcome.HttpError, Day.AddMinutes(5)),
            Call("openai", "s1", LlmCallOutcome.Timeout, Day.AddMinutes(6)),
            Call("grok", "s2", LlmCallOutcome.HttpError, Day.AddMinutes(7)),
            Call("openai", "s2", LlmCallOutcome.Success, Day.AddMinutes(8), cost: 0.5m, tokens: 1000),
            Call("grok", "s3", LlmCallOutcome.Success, Day.AddMinutes(9), cost: 0.25m, tokens: 500),
            Call("grok", "s4", LlmCallOutcome.CircuitOpen, Day.AddMinutes(10)),
            Call("openai", "s4", LlmCallOutcome.BudgetExceeded, Day.AddMinutes(10)),
            Call("grok", "s5", LlmCallOutcome.HttpError, Day.AddMinutes(-10), cost: 9m, tokens: 9000),
            Call("openai", "s5", LlmCallOutcome.HttpError, Day.AddMinutes(-9)));

        var values = await host.ComputeAsync();

        Assert.Equal(2.75, values[MetricNames.CostDailyTotal]);
        Assert.Equal(1500, values[MetricNames.LlmTokensDaily]);
        Assert.Equal(1, values[MetricNames.ContentGenerationFailures]);
    }

    [Fact]
    public async Task Without_llm_keys_no_segment_counts_as_a_generation_failure()
    {
        await using var host = await MetricsTestHost.StartAsync("metrics-nokeys");
        await host.AddAsync(Call("grok", "s1", LlmCallOutcome.HttpError, Day.AddMinutes(5)));

        var values = await host.ComputeAsync();

        Assert.Equal(0, values[MetricNames.ContentGenerationFailures]);
    }

    internal static RequestMinute Minute(string instance, DateTimeOffset minute, int requests, int errors, params (int Index, long Count)[] buckets)
    {
        var counts = new long[RequestDurationBuckets.Count];
        foreach (var (index, count) in buckets)
        {
            counts[index] = count;
        }

        return new RequestMinute { Instance = instance, Minute = minute, Requests = requests, ServerErrors = errors, DurationBuckets = RequestDurationBuckets.Format(counts) };
    }

    private static EngagementEvent Event(DeliveryRecord delivery, EngagementKind kind, bool first, bool machine) =>
        new() { DeliveryId = delivery.Id, ReaderId = delivery.ReaderId, Kind = kind, At = delivery.SentAt!.Value.AddMinutes(5), IsFirst = first, IsMachine = machine };

    private static LlmCall Call(string provider, string segment, LlmCallOutcome outcome, DateTimeOffset at, decimal cost = 0, int tokens = 0) =>
        new() { Provider = provider, Model = "m", SegmentKey = segment, Outcome = outcome, At = at, CostUsd = cost, InputTokens = tokens / 2, OutputTokens = tokens - (tokens / 2) };
}
