using Astropal.Core.Content;
using Astropal.Core.Delivery;
using Astropal.Core.Email;
using Astropal.Core.Readers;
using Astropal.Data;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Metrics;
using Astropal.Web.Features.Reports;

namespace Astropal.Tests.Integration.Reports;

/// <summary>The report's figures from seeded data on a real SQLite file.</summary>
public sealed class DailyReportBuilderTests
{
    private static readonly DateTimeOffset Now = ReportsTestHost.Now;
    private static readonly DateTimeOffset Midnight = DailyReportBuilder.StartOf(ReportsTestHost.Today);

    [Fact]
    public async Task Deliveries_late_emails_spend_alerts_and_readers_count_only_the_reports_utc_day()
    {
        await using var host = await ReportsTestHost.StartAsync("reports-figures");
        var reader = ReportsTestHost.NewReader();
        await host.AddAsync(reader);
        var n = 0;
        DeliveryRecord Delivery(DeliveryStatus status, DateTimeOffset targetAt, double? lateness = null) => new()
        {
            Id = Guid.NewGuid(),
            ReaderId = reader.Id,
            Kind = EmailTemplate.Daily,
            LocalDate = new DateOnly(2026, 1, 1).AddDays(n++),
            Status = status,
            TargetAt = targetAt,
            SentAt = status == DeliveryStatus.Sent ? targetAt.AddSeconds(lateness ?? 0) : null,
            LatenessSeconds = lateness,
            MessageId = Guid.NewGuid().ToString("N") + "@astropal.test",
            CreatedAt = targetAt,
            UpdatedAt = targetAt,
        };
        await host.AddAsync(
            Delivery(DeliveryStatus.Sent, Midnight.AddHours(6), 30),
            Delivery(DeliveryStatus.Sent, Midnight.AddHours(7), 1200),
            Delivery(DeliveryStatus.Failed, Midnight.AddHours(8)),
            Delivery(DeliveryStatus.Skipped, Midnight.AddHours(9)),
            Delivery(DeliveryStatus.Pending, Now.AddHours(-1)),
            Delivery(DeliveryStatus.Pending, Now.AddMinutes(-5)),
            Delivery(DeliveryStatus.Sent, Midnight.AddHours(-2), 5000));

        LlmCall Call(string provider, decimal cost, DateTimeOffset at) => new()
        {
            At = at, Provider = provider, Model = "m", SegmentKey = "k" + n++, InputTokens = 100, OutputTokens = 50, CostUsd = cost, Outcome = LlmCallOutcome.Success,
        };
        await host.AddAsync(
            Call("openai", 0.10m, Midnight.AddHours(1)),
            Call("openai", 0.05m, Midnight.AddHours(2)),
            Call("anthropic", 0.20m, Midnight.AddHours(3)),
            Call("openai", 5m, Midnight.AddHours(-1)));

        AlertEpisode Episode(string rule, DateTimeOffset fired, DateTimeOffset? resolved) => new()
        {
            Rule = rule, Metric = rule, Severity = "high", State = resolved is null ? AlertEpisodeState.Firing : AlertEpisodeState.Resolved,
            StartedAt = fired, FiredAt = fired, ResolvedAt = resolved, LastEvaluatedAt = resolved ?? fired, Threshold = 1,
        };
        await host.AddAsync(
            Episode("email.delivery.rate", Midnight.AddHours(10), null),
            Episode("api.error.rate", Midnight.AddHours(-3), Midnight.AddHours(1)),
            Episode("cost.daily.total", Midnight.AddHours(-5), Midnight.AddHours(-4)));

        await host.AddAsync(
            ReportsTestHost.NewReader(ReaderStatus.Pending, createdAt: Midnight.AddHours(4)),
            ReportsTestHost.NewReader(ReaderStatus.Active, createdAt: Midnight.AddHours(5), confirmedAt: Midnight.AddHours(6)),
            ReportsTestHost.NewReader(ReaderStatus.Unsubscribed, updatedAt: Midnight.AddHours(12)),
            ReportsTestHost.NewReader(ReaderStatus.Unsubscribed, updatedAt: Midnight.AddHours(-12)));

        var report = await host.Get<DailyReportBuilder>().BuildAsync(ReportsTestHost.Today, CancellationToken.None);

        Assert.Equal(ReportsTestHost.Today, report.Day);
        var byStatus = report.DeliveriesByStatus.ToDictionary(d => d.Status, d => d.Count);
        Assert.Equal((2, 1, 1, 2, 0), (byStatus["sent"], byStatus["failed"], byStatus["skipped"], byStatus["pending"], byStatus["suppressed"]));
        Assert.Equal(6, report.Deliveries);
        Assert.Equal(2, report.LateEmails);
        Assert.Equal(
            [("anthropic", 1, 150L, 0.20m), ("openai", 2, 300L, 0.15m)],
            report.SpendByProvider.Select(s => (s.Provider, s.Calls, s.Tokens, s.CostUsd)));
        Assert.Equal(0.35m, report.SpendUsd);
        Assert.Equal(["email.delivery.rate"], report.AlertsFired.Select(a => a.Rule));
        Assert.Equal(["api.error.rate"], report.AlertsResolved.Select(a => a.Rule));
        Assert.Equal((2, 1, 1), (report.NewReaders, report.ActivatedReaders, report.Unsubscribes));
        Assert.Equal(MetricDefinition.All.Select(d => d.Name), report.Metrics.Select(m => m.Name));
        Assert.All(report.Metrics, m => Assert.Equal("current", m.Source));
    }

    [Fact]
    public async Task The_day_before_is_its_last_stored_sample_and_a_past_day_reads_its_samples_against_the_targets()
    {
        await using var host = await ReportsTestHost.StartAsync("reports-samples");
        var yesterday = Midnight.AddDays(-1);
        await host.AddAsync(
            new MetricSample { Metric = MetricNames.EmailDeliveryRate, At = yesterday.AddDays(-1).AddHours(23), Value = 0.1 },
            new MetricSample { Metric = MetricNames.EmailDeliveryRate, At = yesterday.AddHours(10), Value = 0.5 },
            new MetricSample { Metric = MetricNames.EmailDeliveryRate, At = yesterday.AddHours(23).AddMinutes(59), Value = 0.97 },
            new MetricSample { Metric = MetricNames.EmailDeliveryRate, At = Midnight.AddHours(1), Value = 0.2 });
        var builder = host.Get<DailyReportBuilder>();

        var today = await builder.BuildAsync(ReportsTestHost.Today, CancellationToken.None);
        var past = await builder.BuildAsync(ReportsTestHost.Today.AddDays(-1), CancellationToken.None);

        var rateToday = today.Metrics.Single(m => m.Name == MetricNames.EmailDeliveryRate);
        Assert.Equal(0.97, rateToday.Yesterday);
        var ratePast = past.Metrics.Single(m => m.Name == MetricNames.EmailDeliveryRate);
        Assert.Equal(("sample", 0.97, 0.1), (ratePast.Source, ratePast.Value, ratePast.Yesterday));
        var target = (await host.Get<MetricsReport>().TargetOfAsync(MetricNames.EmailDeliveryRate, CancellationToken.None));
        Assert.Equal(MetricResource.StateName(target.StateOf(0.97)), ratePast.State);
        Assert.Equal(MetricResource.StateName(target.StateOf(0.1)), ratePast.YesterdayState);
        Assert.Equal("no-data", past.Metrics.Single(m => m.Name == MetricNames.ApiErrorRate).State);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => builder.BuildAsync(ReportsTestHost.Today.AddDays(1), CancellationToken.None));
    }

    [Fact]
    public async Task The_voices_figure_samples_active_readers_sent_a_daily_email_that_day()
    {
        await using var host = await ReportsTestHost.StartAsync("reports-voices");
        var empty = await host.Get<DailyReportBuilder>().BuildAsync(ReportsTestHost.Today, CancellationToken.None);
        Assert.Null(empty.Voices.WorstBetweenVoices);
        Assert.Contains("nothing to measure", empty.Voices.Note, StringComparison.Ordinal);

        var reader = ReportsTestHost.NewReader();
        await host.AddAsync(reader, new DeliveryRecord
        {
            Id = Guid.NewGuid(), ReaderId = reader.Id, Kind = EmailTemplate.Daily, LocalDate = ReportsTestHost.Today, Status = DeliveryStatus.Sent,
            TargetAt = Midnight.AddHours(6), SentAt = Midnight.AddHours(6), LatenessSeconds = 1, MessageId = "v@astropal.test", CreatedAt = Midnight, UpdatedAt = Midnight,
        });

        var report = await host.Get<DailyReportBuilder>().BuildAsync(ReportsTestHost.Today, CancellationToken.None);

        Assert.Equal([(reader.Id, ReportsTestHost.Today)], host.Meter.LastSamples.Select(s => (s.Reader.Id, s.Day)));
        Assert.Equal((1, 0.08, 0.21, true), (report.Voices.Samples, report.Voices.WorstBetweenVoices, report.Voices.WorstConsecutiveDays, report.Voices.Met));
        Assert.Contains("met", DailyReportText.Voices(report.Voices), StringComparison.Ordinal);
    }
}
