using Astropal.Core.Content;
using Astropal.Core.Delivery;
using Astropal.Core.Email;
using Astropal.Core.Readers;
using Astropal.Data;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Ops;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace Astropal.Tests.Web.Ops;

public sealed class OverviewTests : BunitContext, IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 12, 1);
    private readonly FakeMeter meter = new();
    private SubscribersTestHost host = default!;

    public OverviewTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    public async Task InitializeAsync()
    {
        host = await SubscribersTestHost.StartAsync("overview");
        Services.AddSingleton(host.Db);
        Services.AddSingleton(host.Host.Services.GetRequiredService<IHostEnvironment>());
        Services.AddSingleton(host.Host.Services.GetRequiredService<IOptions<DatabaseOptions>>());
        Services.AddSingleton(new LaunchChecklist(host.Db, meter, Options.Create(new BetaCriteriaOptions { CostPerReaderUsd = 0.50m }), host.Time));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await host.DisposeAsync();
    }

    [Fact]
    public async Task Four_beta_readers_one_per_perspective_with_seven_days_delivered_engagement_and_cost_in_target_meet_the_criteria()
    {
        meter.Figure = new VoiceDistinctnessFigure(4, 24, 0.05, 0.02, 0.20, 0.10);
        var deliveries = new List<Guid>();
        foreach (var perspective in Enum.GetValues<PerspectiveId>())
        {
            var reader = await host.AddReaderAsync($"{perspective}@example.com".ToLowerInvariant(), perspective: perspective, cohort: "beta");
            deliveries.AddRange(await DeliverAsync(reader.Id, Enumerable.Range(1, 7).Select(i => Today.AddDays(-i))));
        }

        await EngageAsync(deliveries[0], machine: false);
        await SpendAsync(4 * 7 * 0.40m);
        await TodayRowsAsync();

        var cut = Render<Overview>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#beta-criteria")));
        foreach (var key in new[] { "beta-readers", "seven-days", "voices-distinct", "engagement", "cost" })
        {
            Assert.Equal("Met", State(cut, "beta-criteria", key));
        }

        Assert.Equal("NotAvailable", State(cut, "beta-criteria", "no-p1"));
        Assert.Contains("Not available", cut.Find("#beta-criteria tr[data-check=no-p1]").TextContent, StringComparison.Ordinal);
        Assert.Contains("$0.3200 per reader per day", Evidence(cut, "cost"), StringComparison.Ordinal);
        Assert.Contains("calm@example.com: 7 day(s) to 2026-11-30", Evidence(cut, "seven-days"), StringComparison.Ordinal);
        Assert.Contains("0.050", Evidence(cut, "voices-distinct"), StringComparison.Ordinal);
        Assert.Equal(28, meter.Samples);
        Assert.Equal("/ops/deliveries", cut.Find("#beta-criteria tr[data-check=seven-days] a").GetAttribute("href"));
        Assert.Equal("Met", State(cut, "launch-checklist", "day-1"));
        Assert.Equal("Met", State(cut, "launch-checklist", "day-2"));
        Assert.Equal(("3", "1", "1", "1"), (cut.Find("#today-due").TextContent, cut.Find("#today-sent").TextContent, cut.Find("#today-failed").TextContent, cut.Find("#today-late").TextContent));
    }

    [Fact]
    public async Task A_missing_perspective_a_gap_in_deliveries_machine_opens_only_voices_too_alike_and_high_cost_are_not_met()
    {
        meter.Figure = new VoiceDistinctnessFigure(3, 18, 0.40, 0.20, 0.20, 0.10);
        var deliveries = new List<Guid>();
        foreach (var perspective in new[] { PerspectiveId.Calm, PerspectiveId.Knowledge, PerspectiveId.Success })
        {
            var reader = await host.AddReaderAsync($"{perspective}@example.com".ToLowerInvariant(), perspective: perspective, cohort: "beta");
            deliveries.AddRange(await DeliverAsync(reader.Id, new[] { 1, 2, 3, 5, 6, 7, 8 }.Select(i => Today.AddDays(-i))));
        }

        await host.AddReaderAsync("evidence@example.com", ReaderStatus.Paused, perspective: PerspectiveId.Evidence, cohort: "beta");
        await EngageAsync(deliveries[0], machine: true);
        await SpendAsync(100m);

        var cut = Render<Overview>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#beta-criteria")));
        foreach (var key in new[] { "beta-readers", "seven-days", "voices-distinct", "engagement", "cost" })
        {
            Assert.Equal("NotMet", State(cut, "beta-criteria", key));
        }

        Assert.Contains("3 active of 4 beta readers", Evidence(cut, "beta-readers"), StringComparison.Ordinal);
        Assert.Contains("evidence 0", Evidence(cut, "beta-readers"), StringComparison.Ordinal);
        Assert.Contains("calm@example.com: 4 day(s) to 2026-11-26", Evidence(cut, "seven-days"), StringComparison.Ordinal);
        Assert.Contains("1 machine open(s) not counted", Evidence(cut, "engagement"), StringComparison.Ordinal);
        Assert.Equal("NotAvailable", State(cut, "launch-checklist", "day-6"));
        Assert.Equal("NotMet", State(cut, "launch-checklist", "day-3"));
    }

    [Fact]
    public void Without_beta_readers_nothing_is_met_and_nothing_is_measured()
    {
        var cut = Render<Overview>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#beta-criteria")));
        Assert.Equal("NotMet", State(cut, "beta-criteria", "voices-distinct"));
        Assert.Contains("nothing to measure", Evidence(cut, "voices-distinct"), StringComparison.Ordinal);
        Assert.Equal(0, meter.Samples);
        Assert.Equal("0", cut.Find("#today-due").TextContent);
    }

    [Fact]
    public void The_longest_run_counts_consecutive_dates_only()
    {
        var run = LaunchChecklist.LongestRun([Today, Today.AddDays(-1), Today.AddDays(-3), Today.AddDays(-4), Today.AddDays(-5), Today]);

        Assert.Equal((3, Today.AddDays(-3)), (run.Length, run.End));
        Assert.Equal((0, null), LaunchChecklist.LongestRun([]));
    }

    private static string State(IRenderedComponent<Overview> cut, string table, string key) =>
        cut.Find($"#{table} tr[data-check={key}]").GetAttribute("data-state")!;

    private static string Evidence(IRenderedComponent<Overview> cut, string key) =>
        cut.Find($"#beta-criteria tr[data-check={key}] td.evidence").TextContent;

    private async Task<List<Guid>> DeliverAsync(Guid readerId, IEnumerable<DateOnly> days)
    {
        await using var db = await host.Db.CreateDbContextAsync();
        var rows = days.Select(day => new DeliveryRecord
        {
            Id = Guid.NewGuid(), ReaderId = readerId, Kind = EmailTemplate.Daily, LocalDate = day, Status = DeliveryStatus.Sent, Attempts = 1,
            TargetAt = new DateTimeOffset(day.ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero), SentAt = new DateTimeOffset(day.ToDateTime(new TimeOnly(6, 1)), TimeSpan.Zero),
            LatenessSeconds = 60, MessageId = Guid.NewGuid().ToString("N") + "@astropal.test",
        }).ToList();
        db.Deliveries.AddRange(rows);
        await db.SaveChangesAsync();
        return rows.Select(r => r.Id).ToList();
    }

    private async Task EngageAsync(Guid deliveryId, bool machine)
    {
        await using var db = await host.Db.CreateDbContextAsync();
        var readerId = await db.Deliveries.Where(d => d.Id == deliveryId).Select(d => d.ReaderId).SingleAsync();
        db.EngagementEvents.Add(new EngagementEvent { DeliveryId = deliveryId, ReaderId = readerId, Kind = EngagementKind.Open, At = SubscribersTestHost.Now.AddDays(-1), IsFirst = true, IsMachine = machine });
        await db.SaveChangesAsync();
    }

    private async Task SpendAsync(decimal usd)
    {
        await using var db = await host.Db.CreateDbContextAsync();
        db.LlmCalls.Add(new LlmCall { At = SubscribersTestHost.Now.AddDays(-2), Provider = "grok", Model = "grok-3", SegmentKey = "k", CostUsd = usd });
        db.LlmCalls.Add(new LlmCall { At = SubscribersTestHost.Now.AddDays(-9), Provider = "grok", Model = "grok-3", SegmentKey = "old", CostUsd = 1000m });
        await db.SaveChangesAsync();
    }

    /// <summary>Today: one sent on time, one failed, one still pending an hour after its target (late).</summary>
    private async Task TodayRowsAsync()
    {
        var reader = await host.AddReaderAsync("today@example.com");
        await using var db = await host.Db.CreateDbContextAsync();
        var statuses = new[] { (EmailTemplate.Daily, DeliveryStatus.Sent), (EmailTemplate.Evening, DeliveryStatus.Failed), (EmailTemplate.Weekly, DeliveryStatus.Pending) };
        foreach (var (kind, status) in statuses)
        {
            db.Deliveries.Add(new DeliveryRecord
            {
                Id = Guid.NewGuid(), ReaderId = reader.Id, Kind = kind, LocalDate = Today, Status = status,
                TargetAt = SubscribersTestHost.Now.AddHours(-1), SentAt = status == DeliveryStatus.Sent ? SubscribersTestHost.Now.AddHours(-1) : null,
                LatenessSeconds = status == DeliveryStatus.Sent ? 5 : null, MessageId = Guid.NewGuid().ToString("N") + "@astropal.test",
            });
        }

        await db.SaveChangesAsync();
    }

    private sealed class FakeMeter : IVoiceDistinctnessMeter
    {
        public VoiceDistinctnessFigure Figure { get; set; } = new(0, 0, 0, 0, 0, 0);

        public int Samples { get; private set; }

        public Task<VoiceDistinctnessFigure> MeasureAsync(IReadOnlyList<(Reader Reader, DateOnly Day)> samples, CancellationToken cancellationToken)
        {
            Samples = samples.Count;
            return Task.FromResult(Figure);
        }
    }
}
