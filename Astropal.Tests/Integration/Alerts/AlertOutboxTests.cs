using System.Text.Json;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Alerts;
using Astropal.Data;

namespace Astropal.Tests.Integration.Alerts;

public sealed class AlertOutboxTests : IAsyncLifetime
{
    private AlertsTestApp app = default!;

    public Task InitializeAsync()
    {
        app = AlertsTestApp.Create(new Dictionary<string, string?>
        {
            ["Alerts:Channels:everything:Type"] = "Webhook",
            ["Alerts:Channels:everything:Url"] = "https://hooks.example/all",
            ["Alerts:Channels:everything:Secret"] = "k",
            ["Alerts:Channels:pager:Type"] = "Webhook",
            ["Alerts:Channels:pager:Url"] = "https://hooks.example/pager",
            ["Alerts:Channels:pager:Secret"] = "k",
            ["Alerts:Channels:pager:MinSeverity"] = "high",
            ["Alerts:Channels:costs:Type"] = "Slack",
            ["Alerts:Channels:costs:Url"] = "https://hooks.slack.example/services/T/B/X",
            ["Alerts:Channels:costs:Rules:0"] = "cost.daily.total",
            ["Alerts:Channels:costs:Rules:1"] = "llm.tokens.daily",
            ["Alerts:Channels:off:Type"] = "Slack",
            ["Alerts:Channels:off:Url"] = "https://hooks.slack.example/services/T/B/Y",
            ["Alerts:Channels:off:Enabled"] = "false",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Theory]
    [InlineData("email.delivery.rate", "medium", new[] { "everything" })]
    [InlineData("email.delivery.rate", "low", new[] { "everything" })]
    [InlineData("email.delivery.rate", "high", new[] { "everything", "pager" })]
    [InlineData("cost.daily.total", "critical", new[] { "costs", "everything", "pager" })]
    [InlineData("llm.tokens.daily", "low", new[] { "costs", "everything" })]
    public async Task Each_enabled_channel_whose_MinSeverity_is_met_and_whose_rule_filter_matches_gets_one_pending_message(
        string rule, string severity, string[] channels)
    {
        var episode = await app.AddEpisodeAsync(rule, severity);

        var count = await app.EnqueueAsync(episode);

        var rows = await app.NotificationsAsync();
        Assert.Equal(channels.Length, count);
        Assert.Equal(channels, rows.Select(r => r.Channel).Order(StringComparer.Ordinal).ToArray());
        Assert.All(rows, r =>
        {
            Assert.Equal((AlertNotificationStatus.Pending, AlertMessageKinds.Firing, episode.Id), (r.Status, r.Kind, r.EpisodeId));
            Assert.Equal(AlertsTestApp.Now, r.NextAttemptAt);
            Assert.Equal(0, r.Attempts);
            using var body = JsonDocument.Parse(r.Payload);
            Assert.Equal(severity, body.RootElement.GetProperty("severity").GetString());
        });
    }

    [Fact]
    public async Task Nothing_is_saved_by_the_outbox_itself()
    {
        var episode = await app.AddEpisodeAsync();
        await using (var db = await app.Db.CreateDbContextAsync())
        {
            Assert.Equal(2, Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
                .GetRequiredService<IAlertOutbox>(app.Services).Enqueue(db, episode, AlertMessageKinds.Firing, AlertsTestApp.Now));
        }

        Assert.Empty(await app.NotificationsAsync());
    }

    [Fact]
    public void The_channels_outbox_is_the_registered_one()
    {
        Assert.IsType<AlertOutbox>(Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<IAlertOutbox>(app.Services));
    }
}
