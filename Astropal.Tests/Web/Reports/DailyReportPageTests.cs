using Astropal.Core.Delivery;
using Astropal.Core.Email;
using Astropal.Data;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Metrics;
using Astropal.Web.Features.Reports;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Astropal.Tests.Web.Reports;

/// <summary>/ops/reports and /ops/reports/{day}: the last 30 days with their sent state, and a day's report with a state per metric.</summary>
public sealed class DailyReportPageTests : BunitContext, IAsyncLifetime
{
    private ReportsTestHost host = default!;

    public DailyReportPageTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    public async Task InitializeAsync()
    {
        host = await ReportsTestHost.StartAsync("reports-page");
        Services.AddSingleton(host.Get<DailyReportBuilder>());
        Services.AddSingleton(host.Get<DailyReportSender>());
        Services.AddSingleton<TimeProvider>(host.Time);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await host.DisposeAsync();
    }

    [Fact]
    public async Task A_days_report_shows_each_metric_with_its_state_and_the_days_figures()
    {
        AddAuthorization().SetAuthorized("olu@example.com");
        var midnight = DailyReportBuilder.StartOf(ReportsTestHost.Today);
        var reader = ReportsTestHost.NewReader();
        await host.AddAsync(reader,
            new DeliveryRecord
            {
                Id = Guid.NewGuid(), ReaderId = reader.Id, Kind = EmailTemplate.Daily, LocalDate = ReportsTestHost.Today, Status = DeliveryStatus.Failed,
                TargetAt = midnight.AddHours(6), MessageId = "p@astropal.test", CreatedAt = midnight, UpdatedAt = midnight,
            },
            new AlertEpisode
            {
                Rule = "email.delivery.rate", Metric = "email.delivery.rate", Severity = "high", State = AlertEpisodeState.Firing,
                StartedAt = midnight.AddHours(7), FiredAt = midnight.AddHours(7), LastEvaluatedAt = midnight.AddHours(7), Threshold = 0.95,
            });

        var cut = Render<DailyReportPage>(p => p.Add(c => c.Day, "2026-12-05"));

        cut.WaitForAssertion(() => Assert.Equal(MetricDefinition.All.Count, cut.FindAll("#report-metrics tr[data-state]").Count));
        var delivery = cut.Find("#metric-email-delivery-rate");
        Assert.Equal("alert", delivery.GetAttribute("data-state"));
        Assert.Equal("0.0 %", delivery.QuerySelector(".value")!.TextContent.Trim());
        Assert.Contains("Alert", delivery.QuerySelector(".state")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("no-data", cut.Find("#metric-email-open-rate").GetAttribute("data-state"));
        Assert.Contains("1", cut.Find("#deliveries-failed").TextContent, StringComparison.Ordinal);
        Assert.Equal("email.delivery.rate (high)", cut.Find("#alerts-fired").TextContent.Trim());
        Assert.Equal("none", cut.Find("#alerts-resolved").TextContent.Trim());
    }

    [Fact]
    public void A_day_that_is_not_a_date_or_still_to_come_says_so()
    {
        AddAuthorization().SetAuthorized("olu@example.com");

        var bad = Render<DailyReportPage>(p => p.Add(c => c.Day, "yesterday"));
        bad.WaitForAssertion(() => Assert.Contains("is not a day", bad.Find("#report-error").TextContent, StringComparison.Ordinal));

        var future = Render<DailyReportPage>(p => p.Add(c => c.Day, "2026-12-06"));
        future.WaitForAssertion(() => Assert.Contains("no report of 2026-12-06 yet", future.Find("#report-error").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_list_shows_the_last_30_days_sent_not_sent_or_not_yet()
    {
        AddAuthorization().SetAuthorized("olu@example.com");
        await host.AddAsync(
            new DailyReportSend { Day = ReportsTestHost.Today.AddDays(-1), StartedAt = ReportsTestHost.Now.AddDays(-1), SentAt = ReportsTestHost.Now.AddDays(-1), Recipients = 3 },
            new DailyReportSend { Day = ReportsTestHost.Today.AddDays(-2), StartedAt = ReportsTestHost.Now.AddDays(-2) });

        var cut = Render<ReportsPage>();

        cut.WaitForAssertion(() => Assert.Equal(ReportsPage.Days, cut.FindAll("#reports tr[data-state]").Count));
        Assert.Equal("due", cut.Find("#report-2026-12-05").GetAttribute("data-state"));
        var sent = cut.Find("#report-2026-12-04");
        Assert.Equal("sent", sent.GetAttribute("data-state"));
        Assert.Contains("3", sent.TextContent, StringComparison.Ordinal);
        Assert.Equal("not-sent", cut.Find("#report-2026-12-03").GetAttribute("data-state"));
        Assert.Contains("Not sent", cut.Find("#report-2026-12-03").TextContent, StringComparison.Ordinal);
        Assert.Equal("/ops/reports/2026-12-04", sent.QuerySelector("a")!.GetAttribute("href"));
    }
}
