using Astropal.Data;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Astropal.Tests.Integration.Metrics;

/// <summary>Request minutes, the sampler, the rollup and the targets, on a real SQLite file.</summary>
public sealed class MetricSamplingTests
{
    private static readonly DateTimeOffset Now = MetricsTestHost.Now;

    [Fact]
    public async Task The_recorder_writes_each_completed_minute_once_and_keeps_the_current_minute_until_it_ends()
    {
        await using var host = await MetricsTestHost.StartAsync("metrics-recorder");
        var recorder = host.Get<RequestMinuteRecorder>();
        recorder.Record(200, 40);
        recorder.Record(503, 800);

        Assert.Equal(0, await recorder.FlushAsync(includeCurrent: false, CancellationToken.None));
        host.Time.Advance(TimeSpan.FromMinutes(1));
        recorder.Record(200, 3);
        Assert.Equal(1, await recorder.FlushAsync(includeCurrent: false, CancellationToken.None));
        Assert.Equal(0, await recorder.FlushAsync(includeCurrent: false, CancellationToken.None));

        await using var db = await host.Db.CreateDbContextAsync();
        var row = await db.RequestMinutes.SingleAsync();
        Assert.Equal((recorder.Instance, RequestMinuteRecorder.MinuteOf(Now), 2, 1), (row.Instance, row.Minute, row.Requests, row.ServerErrors));
        var buckets = RequestDurationBuckets.Parse(row.DurationBuckets);
        Assert.Equal(1, buckets[RequestDurationBuckets.IndexOf(40)]);
        Assert.Equal(1, buckets[RequestDurationBuckets.IndexOf(800)]);
        Assert.Equal(2, buckets.Sum());
    }

    [Fact]
    public async Task A_minute_already_stored_for_the_instance_is_not_counted_twice()
    {
        await using var host = await MetricsTestHost.StartAsync("metrics-recorder-retry");
        var recorder = host.Get<RequestMinuteRecorder>();
        await host.AddAsync(LaunchMetricsTests.Minute(recorder.Instance, RequestMinuteRecorder.MinuteOf(Now), 7, 0, (0, 7)));
        recorder.Record(200, 1);
        host.Time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(0, await recorder.FlushAsync(includeCurrent: false, CancellationToken.None));

        await using var db = await host.Db.CreateDbContextAsync();
        Assert.Equal(7, (await db.RequestMinutes.SingleAsync()).Requests);
    }

    [Theory]
    [InlineData(new long[] { 100 }, 5.0)]
    [InlineData(new long[] { 94, 0, 0, 0, 0, 6 }, 100.0)]
    [InlineData(new long[] { 95, 0, 0, 0, 0, 5 }, 5.0)]
    [InlineData(new long[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 10 }, 10000.0)]
    public void P95_is_the_upper_bound_of_the_bucket_holding_the_95th_percentile(long[] counts, double expected)
    {
        var padded = counts.Concat(Enumerable.Repeat(0L, RequestDurationBuckets.Count - counts.Length)).ToArray();
        Assert.Equal(expected, RequestDurationBuckets.P95(padded));
        Assert.Null(RequestDurationBuckets.P95(new long[RequestDurationBuckets.Count]));
    }

    [Theory]
    [InlineData("/_blazor/negotiate", true)]
    [InlineData("/_framework/blazor.web.js", true)]
    [InlineData("/css/site.css", true)]
    [InlineData("/metrics", true)]
    [InlineData("/healthz", true)]
    [InlineData("/readyz", true)]
    [InlineData("/api/ops/readers", false)]
    [InlineData("/ops/metrics", false)]
    [InlineData("/", false)]
    public void Circuit_static_files_and_probes_are_not_timed(string path, bool excluded)
    {
        Assert.Equal(excluded, RequestMetricsMiddleware.IsExcluded(path));
    }

    [Fact]
    public async Task Sampling_twice_in_a_minute_writes_one_row_per_metric()
    {
        await using var host = await MetricsTestHost.StartAsync("metrics-sampler");
        var sampler = host.Get<MetricSampler>();

        Assert.Equal(MetricDefinition.All.Count, await sampler.SampleAsync(CancellationToken.None));
        host.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(0, await sampler.SampleAsync(CancellationToken.None));
        host.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(MetricDefinition.All.Count, await sampler.SampleAsync(CancellationToken.None));

        await using var db = await host.Db.CreateDbContextAsync();
        var samples = await db.MetricSamples.AsNoTracking().ToListAsync();
        Assert.Equal(2 * MetricDefinition.All.Count, samples.Count);
        Assert.Equal(2, samples.Select(s => s.At).Distinct().Count());
        Assert.Null(samples.First(s => s.Metric == MetricNames.EmailDeliveryRate).Value);
    }

    [Fact]
    public async Task Minute_samples_older_than_seven_days_become_hourly_means_and_samples_older_than_400_days_are_deleted()
    {
        await using var host = await MetricsTestHost.StartAsync("metrics-rollup");
        var hour = MetricSampler.HourOf(Now.AddDays(-8));
        await host.AddAsync(
            Sample(MetricNames.EmailOpenRate, hour, 1, 0.2),
            Sample(MetricNames.EmailOpenRate, hour.AddMinutes(1), 1, 0.4),
            Sample(MetricNames.EmailOpenRate, hour.AddMinutes(2), 1, null),
            Sample(MetricNames.EmailOpenRate, hour.AddHours(1), 1, null),
            Sample(MetricNames.EmailOpenRate, Now.AddDays(-1), 1, 0.9),
            Sample(MetricNames.EmailOpenRate, MetricSampler.HourOf(Now.AddDays(-401)), 60, 0.5),
            LaunchMetricsTests.Minute("a", RequestMinuteRecorder.MinuteOf(Now.AddDays(-8)), 1, 0, (0, 1)));
        var sampler = host.Get<MetricSampler>();

        await sampler.RollUpAsync(CancellationToken.None);
        await sampler.RollUpAsync(CancellationToken.None);

        await using var db = await host.Db.CreateDbContextAsync();
        var rows = await db.MetricSamples.AsNoTracking().ToListAsync();
        Assert.Equal(3, rows.Count);
        var hourly = rows.Where(r => r.PeriodMinutes == 60).OrderBy(r => r.At).ToList();
        Assert.Equal([(hour, 0.30000000000000004), (hour.AddHours(1), (double?)null)], hourly.Select(r => (r.At, r.Value)).ToList());
        Assert.Equal(0.9, rows.Single(r => r.PeriodMinutes == 1).Value);
        Assert.False(await db.RequestMinutes.AnyAsync());
    }

    [Fact]
    public async Task An_admin_target_override_wins_over_configuration_and_is_audited()
    {
        await using var host = await MetricsTestHost.StartAsync("metrics-targets", new Dictionary<string, string?>
        {
            ["Metrics:Targets:email.open.rate:Target"] = "0.5",
        });
        var targets = host.Get<MetricTargets>();
        await using (var db = await host.Db.CreateDbContextAsync())
        {
            var configured = await targets.EffectiveAsync(db, CancellationToken.None);
            Assert.Equal((0.5, 0.2, MetricDirection.HigherIsBetter), (configured[MetricNames.EmailOpenRate].Target, configured[MetricNames.EmailOpenRate].AlertThreshold, configured[MetricNames.EmailOpenRate].Direction));
            Assert.Equal((300, 500), (configured[MetricNames.ApiResponseP95].Target, configured[MetricNames.ApiResponseP95].AlertThreshold));
        }

        Assert.Null(await targets.SetAsync(MetricNames.EmailOpenRate, 0.45, 0.25, "ada@example.com", CancellationToken.None));

        await using (var db = await host.Db.CreateDbContextAsync())
        {
            var effective = (await targets.EffectiveAsync(db, CancellationToken.None))[MetricNames.EmailOpenRate];
            Assert.Equal((0.45, 0.25, MetricDirection.HigherIsBetter), (effective.Target, effective.AlertThreshold, effective.Direction));
            var entry = await db.AuditEntries.AsNoTracking().SingleAsync();
            Assert.Equal(("ada@example.com", MetricTargets.ChangedAction, MetricNames.EmailOpenRate), (entry.Actor, entry.Action, entry.Target));
            Assert.Contains("target 0.5 → 0.45", entry.Detail, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("email.open.rate", 0.2, 0.4, "cannot be above Target")]
    [InlineData("api.response.p95", 500, 300, "cannot be below Target")]
    [InlineData("api.response.p95", -1, 300, "cannot be negative")]
    [InlineData("no.such.metric", 1, 1, "There is no metric called 'no.such.metric'")]
    public async Task A_bad_target_is_refused_and_changes_nothing(string metric, double target, double alert, string error)
    {
        await using var host = await MetricsTestHost.StartAsync("metrics-targets-bad");

        var problem = await host.Get<MetricTargets>().SetAsync(metric, target, alert, "ada@example.com", CancellationToken.None);

        Assert.Contains(error, problem, StringComparison.Ordinal);
        await using var db = await host.Db.CreateDbContextAsync();
        Assert.False(await db.MetricTargetOverrides.AnyAsync());
        Assert.False(await db.AuditEntries.AnyAsync());
    }

    [Fact]
    public async Task An_alert_threshold_on_the_good_side_of_its_target_fails_at_startup()
    {
        await using var host = await MetricsTestHost.StartAsync("metrics-targets-config", new Dictionary<string, string?>
        {
            ["Metrics:Targets:cost.daily.total:AlertThreshold"] = "1",
        });

        var ex = Assert.Throws<OptionsValidationException>(() => host.Host.Services.GetRequiredService<IOptions<MetricTargetsOptions>>().Value);
        Assert.Contains("Metrics:Targets:cost.daily.total: lower is better", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MetricDirection.HigherIsBetter, 0.99, MetricState.Ok)]
    [InlineData(MetricDirection.HigherIsBetter, 0.96, MetricState.Warning)]
    [InlineData(MetricDirection.HigherIsBetter, 0.90, MetricState.Alert)]
    [InlineData(MetricDirection.LowerIsBetter, 250.0, MetricState.Ok)]
    [InlineData(MetricDirection.LowerIsBetter, 400.0, MetricState.Warning)]
    [InlineData(MetricDirection.LowerIsBetter, 501.0, MetricState.Alert)]
    [InlineData(MetricDirection.LowerIsBetter, null, MetricState.NoData)]
    public void State_is_ok_warning_past_the_target_and_alert_past_the_threshold(MetricDirection direction, double? value, MetricState expected)
    {
        var target = direction == MetricDirection.HigherIsBetter
            ? new MetricTarget { Target = 0.98, AlertThreshold = 0.95, Direction = direction }
            : new MetricTarget { Target = 300, AlertThreshold = 500, Direction = direction };

        Assert.Equal(expected, target.StateOf(value));
    }

    private static MetricSample Sample(string metric, DateTimeOffset at, int period, double? value) =>
        new() { Metric = metric, At = at, PeriodMinutes = period, Value = value };
}
