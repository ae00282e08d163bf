using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Astropal.Data;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Alerts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Astropal.Tests.Integration.Alerts;

public sealed class AlertWebhookDeliveryTests : IAsyncLifetime
{
    private const string Secret = "s3cret-hmac-key";
    private FakeAlertReceiver receiver = default!;
    private AlertsTestApp app = default!;

    public async Task InitializeAsync()
    {
        receiver = await FakeAlertReceiver.StartAsync();
        app = AlertsTestApp.Create(new Dictionary<string, string?>
        {
            ["Alerts:Channels:hook:Type"] = "Webhook",
            ["Alerts:Channels:hook:Url"] = receiver.Url("/hook"),
            ["Alerts:Channels:hook:Secret"] = Secret,
            ["Alerts:Channels:slack:Type"] = "Slack",
            ["Alerts:Channels:slack:Url"] = receiver.Url("/slack"),
            ["Alerts:Channels:slack:MinSeverity"] = "critical",
            ["Alerts:Delivery:MaxAttempts"] = "3",
        });
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await receiver.DisposeAsync();
    }

    [Fact]
    public async Task The_webhook_gets_the_body_signed_with_HMAC_SHA256_of_the_raw_bytes_and_a_timestamp()
    {
        var episode = await app.AddEpisodeAsync();
        Assert.Equal(1, await app.EnqueueAsync(episode));

        Assert.Equal(1, await app.Sender.SendDueAsync(CancellationToken.None));

        var received = Assert.Single(await receiver.WaitForAsync(1));
        Assert.Equal("/hook", received.Path);
        Assert.Equal("application/json", received.ContentType);
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), received.Body));
        Assert.Equal(expected, received.Headers["X-Astropal-Signature"]);
        Assert.Equal(AlertsTestApp.Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), received.Headers["X-Astropal-Timestamp"]);

        using var body = JsonDocument.Parse(received.Body);
        var root = body.RootElement;
        Assert.Equal(
            ["id", "rule", "metric", "severity", "state", "value", "threshold", "startedAt", "resolvedAt", "runbook", "consoleUrl"],
            root.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(episode.Id.ToString(CultureInfo.InvariantCulture), root.GetProperty("id").GetString());
        Assert.Equal("email.delivery.rate", root.GetProperty("rule").GetString());
        Assert.Equal("firing", root.GetProperty("state").GetString());
        Assert.Equal(0.91, root.GetProperty("value").GetDouble());
        Assert.Equal(0.95, root.GetProperty("threshold").GetDouble());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("resolvedAt").ValueKind);
        Assert.Equal("https://astropal.example/ops/alerts", root.GetProperty("consoleUrl").GetString());

        var row = Assert.Single(await app.NotificationsAsync());
        Assert.Equal((AlertNotificationStatus.Sent, 1, AlertsTestApp.Now), (row.Status, row.Attempts, row.SentAt));
    }

    [Fact]
    public async Task A_tampered_body_does_not_match_the_signature()
    {
        var episode = await app.AddEpisodeAsync();
        await app.EnqueueAsync(episode);
        await app.Sender.SendDueAsync(CancellationToken.None);

        var received = Assert.Single(await receiver.WaitForAsync(1));
        var tampered = received.Body.ToArray();
        tampered[^2] ^= 1;
        Assert.NotEqual(received.Headers["X-Astropal-Signature"], WebhookAlertSender.Sign(tampered, Secret));
        Assert.NotEqual(received.Headers["X-Astropal-Signature"], WebhookAlertSender.Sign(received.Body, "another secret"));
    }

    [Fact]
    public async Task A_resolved_message_has_state_resolved_and_its_resolution_time_and_a_reminder_says_firing()
    {
        var episode = await app.AddEpisodeAsync();
        episode.ResolvedAt = AlertsTestApp.Now.AddMinutes(5);
        await app.EnqueueAsync(episode, AlertMessageKinds.Resolved);
        await app.EnqueueAsync(episode, AlertMessageKinds.Reminder);

        await app.Sender.SendDueAsync(CancellationToken.None);

        var bodies = (await receiver.WaitForAsync(2)).Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        Assert.Equal(["resolved", "firing"], bodies.Select(b => b.GetProperty("state").GetString()!).ToArray());
        Assert.Equal(AlertsTestApp.Now.AddMinutes(5), bodies[0].GetProperty("resolvedAt").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, bodies[1].GetProperty("resolvedAt").ValueKind);
    }

    [Fact]
    public async Task Slack_gets_an_incoming_webhook_message_with_text_blocks_and_links()
    {
        var episode = await app.AddEpisodeAsync(severity: "critical");
        Assert.Equal(2, await app.EnqueueAsync(episode));

        await app.Sender.SendDueAsync(CancellationToken.None);

        var slack = Assert.Single(await receiver.WaitForAsync(2), r => r.Path == "/slack");
        Assert.StartsWith("application/json", slack.ContentType, StringComparison.Ordinal);
        Assert.False(slack.Headers.ContainsKey("X-Astropal-Signature"));
        using var message = JsonDocument.Parse(slack.Body);
        Assert.Equal("[CRITICAL] email.delivery.rate firing: 0.91 < 0.95", message.RootElement.GetProperty("text").GetString());
        var blocks = message.RootElement.GetProperty("blocks").EnumerateArray().ToList();
        Assert.All(blocks, b => Assert.Equal("section", b.GetProperty("type").GetString()));
        Assert.Equal("mrkdwn", blocks[0].GetProperty("text").GetProperty("type").GetString());
        Assert.Contains("Threshold: 0.95", blocks[0].GetProperty("text").GetProperty("text").GetString(), StringComparison.Ordinal);
        var links = blocks[1].GetProperty("text").GetProperty("text").GetString();
        Assert.Contains("<https://runbooks.example/email.delivery.rate|Runbook>", links, StringComparison.Ordinal);
        Assert.Contains("<https://astropal.example/ops/alerts|Alerts console>", links, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_webhook_is_retried_with_backoff_and_marked_failed_after_MaxAttempts_with_the_reason()
    {
        receiver.StatusCode = 500;
        var episode = await app.AddEpisodeAsync();
        await app.EnqueueAsync(episode);

        Assert.Equal(0, await app.Sender.SendDueAsync(CancellationToken.None));
        var first = Assert.Single(await app.NotificationsAsync());
        Assert.Equal((AlertNotificationStatus.Pending, 1), (first.Status, first.Attempts));
        Assert.Equal("HTTP 500 Internal Server Error: receiver is down", first.LastError);
        Assert.Equal(AlertsTestApp.Now.AddSeconds(30), first.NextAttemptAt);
        Assert.Null(first.ClaimedUntil);

        // Not due yet: nothing is sent.
        app.Time.Advance(TimeSpan.FromSeconds(29));
        await app.Sender.SendDueAsync(CancellationToken.None);
        Assert.Single(receiver.Received);

        app.Time.Advance(TimeSpan.FromSeconds(1));
        await app.Sender.SendDueAsync(CancellationToken.None);
        var second = Assert.Single(await app.NotificationsAsync());
        Assert.Equal(2, second.Attempts);
        Assert.Equal(app.Time.GetUtcNow().AddMinutes(1), second.NextAttemptAt);

        app.Time.Advance(TimeSpan.FromMinutes(1));
        await app.Sender.SendDueAsync(CancellationToken.None);
        var last = Assert.Single(await app.NotificationsAsync());
        Assert.Equal((AlertNotificationStatus.Failed, 3), (last.Status, last.Attempts));
        Assert.Equal(3, receiver.Received.Count);

        await using var db = await app.Db.CreateDbContextAsync();
        var failed = await db.AlertEpisodeEvents.SingleAsync(e => e.EpisodeId == episode.Id && e.Kind == "notification-failed");
        Assert.Contains("firing to hook failed after 3 attempts: HTTP 500", failed.Detail, StringComparison.Ordinal);

        // Given up: never sent again.
        app.Time.Advance(TimeSpan.FromHours(2));
        await app.Sender.SendDueAsync(CancellationToken.None);
        Assert.Equal(3, receiver.Received.Count);
    }

    [Fact]
    public async Task An_unreachable_webhook_records_the_connection_error()
    {
        var port = InProcessSmtpServer.FreePort();
        await using var unreachable = AlertsTestApp.Create(new Dictionary<string, string?>
        {
            ["Alerts:Channels:hook:Type"] = "Webhook",
            ["Alerts:Channels:hook:Url"] = $"http://127.0.0.1:{port}/hook",
            ["Alerts:Channels:hook:Secret"] = Secret,
        });
        var episode = await unreachable.AddEpisodeAsync();
        await unreachable.EnqueueAsync(episode);

        await unreachable.Sender.SendDueAsync(CancellationToken.None);

        var row = Assert.Single(await unreachable.NotificationsAsync());
        Assert.Equal(AlertNotificationStatus.Pending, row.Status);
        Assert.False(string.IsNullOrWhiteSpace(row.LastError));
        Assert.DoesNotContain("HTTP", row.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_senders_claiming_the_same_row_send_it_once()
    {
        var episode = await app.AddEpisodeAsync();
        await app.EnqueueAsync(episode);
        var id = Assert.Single(await app.NotificationsAsync()).Id;

        Assert.True(await app.Sender.TryClaimAsync(id, CancellationToken.None));
        Assert.False(await app.Sender.TryClaimAsync(id, CancellationToken.None));
        Assert.Null(await app.Sender.SendOneAsync(id, CancellationToken.None));
        Assert.Empty(receiver.Received);

        // The claim lapses after two minutes (an instance died mid-send): then one of two racing senders takes it.
        app.Time.Advance(AlertNotificationSender.ClaimFor + TimeSpan.FromSeconds(1));
        var results = await Task.WhenAll(
            Task.Run(() => app.Sender.SendDueAsync(CancellationToken.None)),
            Task.Run(() => app.Sender.SendDueAsync(CancellationToken.None)));

        Assert.Equal(1, results.Sum());
        Assert.Single(await receiver.WaitForAsync(1));
        Assert.Equal(AlertNotificationStatus.Sent, Assert.Single(await app.NotificationsAsync()).Status);
    }

    [Fact]
    public async Task An_episode_added_in_the_same_unit_of_work_gets_its_notifications_and_its_id_in_the_body()
    {
        var episode = AlertsTestApp.NewEpisode();
        await using (var db = await app.Db.CreateDbContextAsync())
        {
            db.AlertEpisodes.Add(episode);
            app.Services.GetRequiredService<IAlertOutbox>().Enqueue(db, episode, AlertMessageKinds.Firing, AlertsTestApp.Now);
            await db.SaveChangesAsync();
        }

        var row = Assert.Single(await app.NotificationsAsync());
        Assert.Equal(episode.Id, row.EpisodeId);
        await app.Sender.SendDueAsync(CancellationToken.None);
        using var body = JsonDocument.Parse(Assert.Single(await receiver.WaitForAsync(1)).Body);
        Assert.Equal(episode.Id.ToString(CultureInfo.InvariantCulture), body.RootElement.GetProperty("id").GetString());
    }
}
