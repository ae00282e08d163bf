using System.Text.Json;
using Astropal.Data;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Alerts;
using Astropal.Web.Features.Incidents;
using Microsoft.Extensions.DependencyInjection;

namespace Astropal.Tests.Integration.Incidents;

/// <summary>A P1 incident's message goes through the alert outbox's sender like an alert's: once per channel, retried on failure.</summary>
public sealed class IncidentAlertMessageTests : IAsyncLifetime
{
    private FakeAlertReceiver receiver = default!;
    private AlertsTestApp app = default!;

    public async Task InitializeAsync()
    {
        receiver = await FakeAlertReceiver.StartAsync();
        app = AlertsTestApp.Create(new Dictionary<string, string?>
        {
            ["Alerts:Channels:hook:Type"] = "Webhook",
            ["Alerts:Channels:hook:Url"] = receiver.Url("/hook"),
            ["Alerts:Channels:hook:Secret"] = "s3cret",
            ["Alerts:Channels:slack:Type"] = "Slack",
            ["Alerts:Channels:slack:Url"] = receiver.Url("/slack"),
            ["Alerts:Channels:costs:Type"] = "Slack",
            ["Alerts:Channels:costs:Url"] = receiver.Url("/costs"),
            ["Alerts:Channels:costs:Rules:0"] = "cost.daily.total",
        });
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await receiver.DisposeAsync();
    }

    [Fact]
    public async Task A_P1_incident_is_posted_once_to_each_channel_whose_rule_filter_allows_incidents_and_never_twice()
    {
        var outcome = await app.Services.GetRequiredService<IncidentService>().OpenAsync(
            new IncidentDraft("Nothing is sent", "P1", "investigating", "No morning email went out.", new Dictionary<string, string> { ["email-delivery"] = "major_outage" }),
            "ada@example.com", CancellationToken.None);
        Assert.True(outcome.Succeeded, outcome.Message);

        Assert.Equal(2, await app.Sender.SendDueAsync(CancellationToken.None));
        Assert.Equal(0, await app.Sender.SendDueAsync(CancellationToken.None));

        var received = await receiver.WaitForAsync(2);
        Assert.Equal(["/hook", "/slack"], received.Select(r => r.Path).Order(StringComparer.Ordinal));
        using var body = JsonDocument.Parse(received.Single(r => r.Path == "/hook").Body);
        var root = body.RootElement;
        Assert.Equal(($"incident-{outcome.Id}", "incident", "critical", "P1 Nothing is sent (Email delivery)"),
            (root.GetProperty("id").GetString(), root.GetProperty("state").GetString(), root.GetProperty("severity").GetString(), root.GetProperty("title").GetString()));
        Assert.Equal($"https://astropal.example/ops/incidents/{outcome.Id}", root.GetProperty("consoleUrl").GetString());
        Assert.Contains("[CRITICAL] Incident opened: P1 Nothing is sent (Email delivery)", received.Single(r => r.Path == "/slack").Text, StringComparison.Ordinal);
        Assert.All(await app.NotificationsAsync(), n => Assert.Equal((AlertMessageKinds.Incident, AlertNotificationStatus.Sent), (n.Kind, n.Status)));
    }
}
