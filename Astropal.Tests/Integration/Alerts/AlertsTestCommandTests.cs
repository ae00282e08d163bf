using Astropal.Data;
using Astropal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Astropal.Tests.Integration.Alerts;

public sealed class AlertsTestCommandTests : IAsyncLifetime
{
    private FakeAlertReceiver receiver = default!;
    private FakeAlertReceiver broken = default!;
    private AlertsTestApp app = default!;

    public async Task InitializeAsync()
    {
        receiver = await FakeAlertReceiver.StartAsync();
        broken = await FakeAlertReceiver.StartAsync();
        broken.StatusCode = 503;
        broken.ErrorBody = "maintenance window";
        app = AlertsTestApp.Create(new Dictionary<string, string?>
        {
            ["Alerts:Channels:hook:Type"] = "Webhook",
            ["Alerts:Channels:hook:Url"] = receiver.Url("/hook"),
            ["Alerts:Channels:hook:Secret"] = "k",
            ["Alerts:Channels:hook:MinSeverity"] = "critical",
            ["Alerts:Channels:broken:Type"] = "Slack",
            ["Alerts:Channels:broken:Url"] = broken.Url("/slack"),
        });
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await receiver.DisposeAsync();
        await broken.DisposeAsync();
    }

    [Fact]
    public async Task A_working_channel_gets_a_test_message_and_the_command_exits_0()
    {
        var result = await CliRun.RunAsync(app.Services, null, "alerts", "test", "--channel", "hook");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("sent to hook (Webhook)", result.Out.Trim());
        var received = Assert.Single(await receiver.WaitForAsync(1));
        using var body = System.Text.Json.JsonDocument.Parse(received.Body);
        Assert.Equal("test", body.RootElement.GetProperty("state").GetString());
        Assert.Equal("critical", body.RootElement.GetProperty("severity").GetString());

        await using var db = await app.Db.CreateDbContextAsync();
        var row = await db.AlertNotifications.SingleAsync();
        Assert.Equal(("hook", "test", AlertNotificationStatus.Sent, (long?)null), (row.Channel, row.Kind, row.Status, row.EpisodeId));
        Assert.Equal("test-" + row.Id, body.RootElement.GetProperty("id").GetString());
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == "alert.channel-tested");
        Assert.Equal(("cli", "hook", "Webhook: sent"), (audit.Actor, audit.Target, audit.Detail));
    }

    [Fact]
    public async Task A_failing_channel_exits_1_with_the_reason_and_is_recorded_as_failed()
    {
        var result = await CliRun.RunAsync(app.Services, null, "alerts", "test", "--channel", "broken");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("failed to send to broken (Slack): HTTP 503 Service Unavailable: maintenance window", result.Error, StringComparison.Ordinal);
        await using var db = await app.Db.CreateDbContextAsync();
        var row = await db.AlertNotifications.SingleAsync();
        Assert.Equal((AlertNotificationStatus.Failed, 1), (row.Status, row.Attempts));
        Assert.StartsWith("HTTP 503", row.LastError, StringComparison.Ordinal);
        Assert.Equal("Slack: failed: HTTP 503 Service Unavailable: maintenance window",
            (await db.AuditEntries.SingleAsync(a => a.Action == "alert.channel-tested")).Detail);
    }

    [Fact]
    public async Task An_unknown_channel_exits_1_listing_the_configured_names()
    {
        var result = await CliRun.RunAsync(app.Services, null, "alerts", "test", "--channel", "pagerduty");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("No alert channel is called 'pagerduty'. Configured channels: broken, hook.", result.Error, StringComparison.Ordinal);
        Assert.Empty(await app.NotificationsAsync());
    }

    [Theory]
    [InlineData(new[] { "alerts", "test" }, "Option --channel is required.")]
    [InlineData(new[] { "alerts" }, "alerts test --channel NAME")]
    [InlineData(new[] { "alerts", "fire", "--channel", "hook" }, "Unknown alerts command 'fire'")]
    public async Task Bad_arguments_exit_2_with_the_reason(string[] args, string reason)
    {
        var result = await CliRun.RunAsync(app.Services, null, args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
        Assert.Empty(receiver.Received);
    }
}
