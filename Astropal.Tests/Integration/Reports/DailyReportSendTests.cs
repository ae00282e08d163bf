using System.Globalization;
using Astropal.Data;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Reports;
using Microsoft.EntityFrameworkCore;

namespace Astropal.Tests.Integration.Reports;

/// <summary>The daily report job over real SMTP: once per day, to enabled operators only, however often and wherever it runs.</summary>
public sealed class DailyReportSendTests
{
    private static Dictionary<string, string?> Smtp(InProcessSmtpServer smtp) => new()
    {
        ["Email:Transport"] = "Smtp",
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
        ["Email:Smtp:Security"] = "None",
    };

    [Fact]
    public async Task The_job_sends_the_days_report_once_to_each_enabled_operator_even_when_run_twice()
    {
        await using var smtp = await InProcessSmtpServer.StartAsync();
        await using var host = await ReportsTestHost.StartAsync("reports-send", Smtp(smtp));
        await host.AddOperatorAsync("ada@example.com");
        await host.AddOperatorAsync("bo@example.com");
        await host.AddOperatorAsync("gone@example.com", disabled: true);
        var job = host.Get<DailyReportSender>();

        var first = await job.SendAsync(ReportsTestHost.Today, CancellationToken.None);
        var second = await job.SendAsync(ReportsTestHost.Today, CancellationToken.None);

        Assert.Equal((DailyReportSendOutcome.Sent, 2), first);
        Assert.Equal((DailyReportSendOutcome.AlreadyClaimed, 0), second);
        var received = await smtp.WaitForMessagesAsync(2, TimeSpan.FromSeconds(30));
        Assert.Equal(2, smtp.ReceivedCount);
        Assert.Equal(["ada@example.com", "bo@example.com"], received.SelectMany(m => m.RcptTo).Order(StringComparer.Ordinal));
        var message = received[0].Message;
        Assert.StartsWith("Astropal daily report 2026-12-05: ", message.Subject, StringComparison.Ordinal);
        Assert.Contains("in alert", message.Subject, StringComparison.Ordinal);
        Assert.Contains("https://astropal.test/ops/reports/2026-12-05", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Delivery rate", message.TextBody, StringComparison.Ordinal);

        await using var db = await host.Db.CreateDbContextAsync();
        var row = await db.DailyReportSends.SingleAsync();
        Assert.Equal((ReportsTestHost.Today, 2), (row.Day, row.Recipients));
        Assert.Equal(ReportsTestHost.Now, row.SentAt);
    }

    [Fact]
    public async Task Two_instances_running_the_job_at_the_same_time_send_the_report_once()
    {
        await using var smtp = await InProcessSmtpServer.StartAsync();
        using var shared = new TempDirectory("reports-two-instances");
        await using var one = await ReportsTestHost.StartAsync("reports-one", Smtp(smtp), shared.Path);
        await using var two = await ReportsTestHost.StartAsync("reports-two", Smtp(smtp), shared.Path);
        await one.AddOperatorAsync("ada@example.com");
        await one.AddOperatorAsync("bo@example.com");

        var outcomes = await Task.WhenAll(
            Task.Run(() => one.Get<DailyReportSender>().SendAsync(ReportsTestHost.Today, CancellationToken.None)),
            Task.Run(() => two.Get<DailyReportSender>().SendAsync(ReportsTestHost.Today, CancellationToken.None)));

        Assert.Single(outcomes, o => o.Outcome == DailyReportSendOutcome.Sent);
        Assert.Single(outcomes, o => o.Outcome == DailyReportSendOutcome.AlreadyClaimed);
        await smtp.WaitForMessagesAsync(2, TimeSpan.FromSeconds(30));
        Assert.Equal(2, smtp.ReceivedCount);
        await using var db = await one.Db.CreateDbContextAsync();
        Assert.Equal(2, (await db.DailyReportSends.SingleAsync()).Recipients);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task A_day_claimed_by_a_run_that_never_finished_is_not_sent_again_and_shows_as_not_sent()
    {
        await using var smtp = await InProcessSmtpServer.StartAsync();
        await using var host = await ReportsTestHost.StartAsync("reports-crashed", Smtp(smtp));
        await host.AddOperatorAsync("ada@example.com");
        await host.AddAsync(new DailyReportSend { Day = ReportsTestHost.Today, StartedAt = ReportsTestHost.Now.AddMinutes(-1) });
        var sender = host.Get<DailyReportSender>();

        Assert.Equal((DailyReportSendOutcome.AlreadyClaimed, 0), await sender.SendAsync(ReportsTestHost.Today, CancellationToken.None));
        Assert.Equal((DailyReportSendOutcome.Sent, 1), await sender.SendAsync(ReportsTestHost.Today.AddDays(-1), CancellationToken.None));
        await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(30));
        Assert.Equal(1, smtp.ReceivedCount);
        Assert.Contains("2026-12-04", smtp.Received[0].Message.Subject, StringComparison.Ordinal);

        var ledger = await sender.LedgerAsync(3, CancellationToken.None);
        Assert.Equal(
            [(ReportsTestHost.Today, DailyReportLedgerEntry.NotSent), (ReportsTestHost.Today.AddDays(-1), DailyReportLedgerEntry.Sent), (ReportsTestHost.Today.AddDays(-2), DailyReportLedgerEntry.Due)],
            ledger.Select(e => (e.Day, e.State)));
    }

    [Fact]
    public async Task The_job_sends_the_report_of_the_current_utc_day()
    {
        await using var smtp = await InProcessSmtpServer.StartAsync();
        await using var host = await ReportsTestHost.StartAsync("reports-job", Smtp(smtp));
        await host.AddOperatorAsync("ada@example.com");
        var job = new DailyReportJob(host.Get<DailyReportSender>(), host.Time);

        await job.Execute(null!, CancellationToken.None);
        await job.Execute(null!, CancellationToken.None);

        await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(30));
        Assert.Equal(1, smtp.ReceivedCount);
        await using var db = await host.Db.CreateDbContextAsync();
        Assert.Equal(ReportsTestHost.Today, (await db.DailyReportSends.SingleAsync()).Day);
    }
}
