using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Astropal.Core.Billing;
using Astropal.Core.Content;
using Astropal.Core.Readers;
using Astropal.Data;
using Astropal.Tests.Integration.Content;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Alerts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Astropal.Tests.Integration.Alerts;

/// <summary>
/// Issue 13's "done when": the real app, an LLM fake reporting large token counts over HTTP, the evaluator and the
/// notification sender, and a webhook receiver on a loopback socket.
/// </summary>
public sealed class LlmTokensAlertJourneyTests : IAsyncLifetime
{
    private const string Secret = "journey-hmac-secret";
    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly SegmentKey Key = new(new DateOnly(2026, 12, 1), "en-US", PerspectiveId.Calm, Tier.Basic, "sign:gemini");

    private readonly FakeTimeProvider time = new(Noon);
    private FakeChatServer grok = null!;
    private FakeAlertReceiver receiver = null!;

    public async Task InitializeAsync()
    {
        grok = await FakeChatServer.StartAsync();
        receiver = await FakeAlertReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await receiver.DisposeAsync();
        await grok.DisposeAsync();
    }

    [Fact]
    public async Task Tokens_past_the_threshold_fire_the_llm_tokens_alert_to_the_webhook_once_signed_within_two_evaluations()
    {
        var settings = ContentTestHost.TwoProviders(grok);
        settings["Alerts:Channels:ops-hook:Type"] = "Webhook";
        settings["Alerts:Channels:ops-hook:Url"] = receiver.Url("/hook");
        settings["Alerts:Channels:ops-hook:Secret"] = Secret;
        settings["Brand:SiteUrl"] = "https://astropal.example";
        await using var app = new AstropalAppFactory { Settings = settings, TestServices = s => s.AddSingleton<TimeProvider>(time) };
        var evaluator = app.Services.GetRequiredService<AlertEvaluator>();
        var sender = app.Services.GetRequiredService<AlertNotificationSender>();
        await evaluator.EvaluateAsync(CancellationToken.None);
        Assert.Empty(TokenMessages());

        // One segment whose provider reports 21,000 tokens: past the launch plan's 20,000.
        grok.Reply = (_, _) => FakeReply.Answer(LlmChainTests.ValidAnswer(), promptTokens: 15_000, completionTokens: 6_000);
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<SegmentService>().GetAsync(Key, CancellationToken.None);
        }

        // Evaluations every minute for ten minutes, the sender running after each, as the two jobs do.
        var deliveredAfter = new List<int>();
        for (var minute = 1; minute <= 10; minute++)
        {
            time.Advance(TimeSpan.FromMinutes(1));
            await evaluator.EvaluateAsync(CancellationToken.None);
            await sender.SendDueAsync(CancellationToken.None);
            deliveredAfter.Add(TokenMessages().Count);
        }

        Assert.True(deliveredAfter[1] == 1, $"delivered after each evaluation: {string.Join(", ", deliveredAfter)}");
        Assert.All(deliveredAfter.Skip(1), n => Assert.Equal(1, n));
        var message = Assert.Single(TokenMessages());
        Assert.Equal("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), message.Body)), message.Headers["X-Astropal-Signature"]);
        using var body = JsonDocument.Parse(message.Body);
        Assert.Equal("firing", body.RootElement.GetProperty("state").GetString());
        Assert.Equal(21_000, body.RootElement.GetProperty("value").GetDouble());
        Assert.Equal(20_000, body.RootElement.GetProperty("threshold").GetDouble());

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>().CreateDbContextAsync();
        var episode = await db.AlertEpisodes.SingleAsync(e => e.Rule == "llm.tokens.daily");
        Assert.Equal(AlertEpisodeState.Firing, episode.State);
        Assert.Equal(episode.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), body.RootElement.GetProperty("id").GetString());
    }

    private List<ReceivedAlert> TokenMessages() =>
        receiver.Received.Where(r => RuleOf(r) == "llm.tokens.daily").ToList();

    private static string? RuleOf(ReceivedAlert alert)
    {
        using var body = JsonDocument.Parse(alert.Body);
        return body.RootElement.GetProperty("rule").GetString();
    }
}
