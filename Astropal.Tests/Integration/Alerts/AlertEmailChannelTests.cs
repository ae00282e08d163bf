using System.Globalization;
using Astropal.Data;
using Astropal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Astropal.Tests.Integration.Alerts;

public sealed class AlertEmailChannelTests : IAsyncLifetime
{
    private InProcessSmtpServer smtp = default!;
    private AlertsTestApp app = default!;

    public async Task InitializeAsync()
    {
        smtp = await InProcessSmtpServer.StartAsync();
        app = AlertsTestApp.Create(new Dictionary<string, string?>
        {
            ["Email:Transport"] = "Smtp",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
            ["Alerts:Channels:operators:Type"] = "Email",
            ["Alerts:Channels:operators:ToRole"] = "Operator",
            ["Alerts:Channels:operators:To:0"] = "oncall@example.com",
        });
        await app.App.CreateOperatorAsync("ada@example.com", "Operator", "Correct-Horse-42");
        await app.App.CreateOperatorAsync("bob@example.com", "Admin", "Correct-Horse-42");
        await app.App.CreateOperatorAsync("cy@example.com", "Operator", "Correct-Horse-42");
        await using var db = await app.Db.CreateDbContextAsync();
        await db.Users.Where(u => u.Email == "cy@example.com").ExecuteUpdateAsync(s => s.SetProperty(u => u.DisabledAt, AlertsTestApp.Now));
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task The_alert_goes_over_SMTP_to_the_enabled_operators_of_the_role_and_the_listed_addresses_only()
    {
        var episode = await app.AddEpisodeAsync();
        await app.EnqueueAsync(episode);

        Assert.Equal(1, await app.Sender.SendDueAsync(CancellationToken.None));

        var received = await smtp.WaitForMessagesAsync(2, TimeSpan.FromSeconds(30));
        Assert.Equal(
            ["ada@example.com", "oncall@example.com"],
            received.Select(r => r.Message.To.Mailboxes.Single().Address).Order(StringComparer.Ordinal).ToArray());
        var message = received[0].Message;
        Assert.Equal("[HIGH] email.delivery.rate firing: 0.91 < 0.95", message.Subject);
        Assert.Contains("Threshold: 0.95", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Runbook: https://runbooks.example/email.delivery.rate", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Console: https://astropal.example/ops/alerts", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("href=\"https://astropal.example/ops/alerts\"", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Started: 2026-12-01 11:00 UTC", message.TextBody, StringComparison.Ordinal);

        await using var db = await app.Db.CreateDbContextAsync();
        Assert.Empty(await db.Deliveries.ToListAsync());
        Assert.Equal(AlertNotificationStatus.Sent, (await db.AlertNotifications.SingleAsync()).Status);
    }

    [Fact]
    public async Task A_refusal_by_the_relay_is_a_failed_attempt_with_the_SMTP_reply()
    {
        smtp.RejectRecipient = _ => new SmtpServer.Protocol.SmtpResponse((SmtpServer.Protocol.SmtpReplyCode)554, "5.7.1 relay denied");
        var episode = await app.AddEpisodeAsync();
        await app.EnqueueAsync(episode);

        await app.Sender.SendDueAsync(CancellationToken.None);

        var row = Assert.Single(await app.NotificationsAsync());
        Assert.Equal((AlertNotificationStatus.Pending, 1), (row.Status, row.Attempts));
        Assert.Contains("SMTP 554", row.LastError, StringComparison.Ordinal);
        Assert.Contains("relay denied", row.LastError, StringComparison.Ordinal);
    }
}
