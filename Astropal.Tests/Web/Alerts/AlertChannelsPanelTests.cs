using Astropal.Core.Branding;
using Astropal.Data;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Alerts;
using Astropal.Web.Features.Audit;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace Astropal.Tests.Web.Alerts;

public sealed class AlertChannelsPanelTests : BunitContext, IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory dir = new("alert-channels-panel");
    private FakeAlertReceiver receiver = default!;
    private IDbContextFactory<AstropalDbContext> db = default!;

    public AlertChannelsPanelTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLogging();
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        Services.AddAstropalDbContext(DatabaseProvider.Sqlite, $"Data Source={dir.File("alerts.db")}");
        Services.AddSingleton<AuditLog>();
        Services.Configure<BrandOptions>(b => b.SiteUrl = "https://astropal.example");
        Services.AddOptions<AlertDeliveryOptions>();
        Services.AddHttpClient();
        Services.AddSingleton<AlertConsoleLink>();
        Services.AddSingleton<IAlertChannelSender, WebhookAlertSender>();
        Services.AddSingleton<IAlertChannelSender, SlackAlertSender>();
        Services.AddSingleton<AlertNotificationSender>();
        Services.AddSingleton<AlertChannelTester>();
        AddAuthorization().SetAuthorized("ada@example.com");
    }

    async Task IAsyncLifetime.InitializeAsync()
    {
        receiver = await FakeAlertReceiver.StartAsync();
        Services.AddOptions<AlertChannelsOptions>().Configure(o =>
        {
            o.Channels["hook"] = new AlertChannelOptions { Type = "Webhook", Url = receiver.Url("/hook/t0ken"), Secret = "k", MinSeverity = "high" };
            o.Channels["chat"] = new AlertChannelOptions { Type = "Slack", Url = "http://127.0.0.1:1/services/T/B/secret" };
            o.Channels["mail"] = new AlertChannelOptions { Type = "Email", ToRole = "Admin", To = ["oncall@example.com"], Rules = ["cost.daily.total"] };
        });
        db = Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>();
        await using var context = await db.CreateDbContextAsync();
        await DatabaseMigrator.MigrateAsync(context, CancellationToken.None);
        context.AlertNotifications.Add(new AlertNotification
        {
            Channel = "hook", Kind = "firing", Payload = "{}", Status = AlertNotificationStatus.Pending, Attempts = 2,
            CreatedAt = Now.AddMinutes(-2), NextAttemptAt = Now.AddMinutes(1), LastError = "HTTP 502 Bad Gateway: upstream down",
        });
        context.AlertNotifications.Add(new AlertNotification
        {
            Channel = "hook", Kind = "resolved", Payload = "{}", Status = AlertNotificationStatus.Sent, Attempts = 1,
            CreatedAt = Now.AddMinutes(-1), NextAttemptAt = Now.AddMinutes(-1), SentAt = Now.AddMinutes(-1),
        });
        await context.SaveChangesAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await receiver.DisposeAsync();
        dir.Dispose();
    }

    [Fact]
    public void Channels_are_listed_with_type_severity_and_a_target_without_secrets_and_undelivered_notifications_with_their_error()
    {
        var cut = Render<AlertChannelsPanel>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("#alert-notifications tbody tr")));
        Assert.Equal(3, cut.FindAll("#alert-channels tbody tr").Count);
        var hook = cut.Find("tr[data-channel=hook]");
        Assert.Contains("Webhook", hook.TextContent, StringComparison.Ordinal);
        Assert.Contains("high", hook.TextContent, StringComparison.Ordinal);
        Assert.Equal("127.0.0.1", cut.Find("tr[data-channel=hook] td[data-cell=target]").TextContent);
        Assert.DoesNotContain("secret", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("t0ken", cut.Markup, StringComparison.Ordinal);
        Assert.Equal("operators with role Admin, oncall@example.com", cut.Find("tr[data-channel=mail] td[data-cell=target]").TextContent);
        Assert.Contains("cost.daily.total", cut.Find("tr[data-channel=mail]").TextContent, StringComparison.Ordinal);
        var pending = cut.Find("#alert-notifications tbody tr");
        Assert.Contains("firing", pending.TextContent, StringComparison.Ordinal);
        Assert.Contains("2026-12-01 09:01 UTC", pending.TextContent, StringComparison.Ordinal);
        Assert.Equal("HTTP 502 Bad Gateway: upstream down", cut.Find("#alert-notifications td[data-cell=error]").TextContent);
    }

    [Fact]
    public async Task Send_test_alert_reaches_the_channel_shows_the_result_and_is_audited_under_the_operator()
    {
        var cut = Render<AlertChannelsPanel>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#alert-notifications")));

        cut.Find("tr[data-channel=hook] button.send-test").Click();

        cut.WaitForAssertion(() => Assert.Equal("Sent to hook (Webhook).", cut.Find("tr[data-channel=hook] .test-result").TextContent.Trim()));
        Assert.Single(await receiver.WaitForAsync(1));
        await using var context = await db.CreateDbContextAsync();
        var audit = await context.AuditEntries.SingleAsync(a => a.Action == "alert.channel-tested");
        Assert.Equal(("ada@example.com", "hook"), (audit.Actor, audit.Target));
    }

    [Fact]
    public void A_failing_test_shows_the_reason_and_lists_the_failed_test_notification()
    {
        var cut = Render<AlertChannelsPanel>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#alert-notifications")));

        cut.Find("tr[data-channel=chat] button.send-test").Click();

        cut.WaitForAssertion(() => Assert.StartsWith("Failed: ", cut.Find("tr[data-channel=chat] .test-result").TextContent.Trim(), StringComparison.Ordinal));
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("#alert-notifications tbody tr").Count));
        var failed = cut.FindAll("#alert-notifications tbody tr")[0];
        Assert.Contains("test", failed.TextContent, StringComparison.Ordinal);
        Assert.Contains("Failed", failed.TextContent, StringComparison.Ordinal);
        Assert.Contains("given up", failed.TextContent, StringComparison.Ordinal);
    }
}
