using System.Text.Json;
using Astropal.Core.Billing;
using Astropal.Core.Content;
using Astropal.Core.Content.Llm;
using Astropal.Core.Readers;
using Astropal.Core.Sky;
using Astropal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Astropal.Tests.Integration.Content;

/// <summary>The provider chain against two fake OpenAI-compatible servers on loopback (Grok first, then OpenAI, then offline).</summary>
public sealed class LlmChainTests : IAsyncLifetime, IDisposable
{
    private static readonly DateOnly Day = new(2026, 12, 1);
    private static readonly SegmentKey GeminiCalm = new(Day, "en-US", PerspectiveId.Calm, Tier.Basic, "sign:gemini");

    private readonly TempDirectory dir = new("llm-chain");
    private FakeChatServer grok = null!;
    private FakeChatServer openAi = null!;

    public async Task InitializeAsync()
    {
        grok = await FakeChatServer.StartAsync();
        openAi = await FakeChatServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await grok.DisposeAsync();
        await openAi.DisposeAsync();
    }

    public void Dispose() => dir.Dispose();

    internal static string ValidAnswer(string subject = "A steady day to breathe slowly") => JsonSerializer.Serialize(new
    {
        subject,
        preheader = "Slow down, notice your breath and let the day unfold at its own pace.",
        snippet = "Breathe in for four, out for six, and let the day come to you.",
        sections = new[]
        {
            new { heading = "Cosmic Breath", body = "Today asks for nothing loud. Let your first breath be long and your shoulders soft." },
            new { heading = "Today's Energy", body = "The sky keeps turning whether you hurry or not; there is room to move gently." },
            new { heading = "Mindful Practice", body = "Sit for three minutes, feet on the floor, and count ten slow breaths." },
        },
    });

    /// <summary>A valid answer but for one repetition: two sections under one heading, or a sentence said twice.</summary>
    private static string RepeatingAnswer(bool heading) => JsonSerializer.Serialize(new
    {
        subject = "A steady day to breathe slowly",
        preheader = "Slow down, notice your breath and let the day unfold at its own pace.",
        snippet = "Breathe in for four, out for six, and let the day come to you.",
        sections = new[]
        {
            new { heading = "Cosmic Breath", body = "Today asks for nothing loud. Let your first breath be long and your shoulders soft." },
            new { heading = heading ? "Cosmic Breath" : "Today's Energy", body = "The sky keeps turning whether you hurry or not; there is room to move gently." },
            new { heading = "Mindful Practice", body = heading ? "Sit for three minutes and count ten slow breaths." : "Today asks for nothing loud. Sit for three minutes and count ten slow breaths." },
        },
    });

    /// <summary>An answer that puts Mars in the sign opposite its computed one.</summary>
    private static string WrongSkyAnswer()
    {
        var mars = new Ephemeris().Compute(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero))[Body.Mars].Sign;
        var wrong = (ZodiacSign)(((int)mars + 6) % 12);
        return ValidAnswer().Replace("The sky keeps turning", $"Mars in {wrong} keeps turning", StringComparison.Ordinal);
    }

    private async Task<ContentTestHost> StartAsync(IDictionary<string, string?>? extra = null)
    {
        var settings = ContentTestHost.TwoProviders(grok, openAi);
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return await ContentTestHost.StartAsync(dir.Path, settings);
    }

    private static async Task<List<LlmCall>> CallsAsync(ContentTestHost host)
    {
        await using var db = await host.Db.CreateDbContextAsync();
        return await db.LlmCalls.AsNoTracking().OrderBy(c => c.Id).ToListAsync();
    }

    [Theory]
    [InlineData(PerspectiveId.Calm, "en-US", "Calm & Centered")]
    [InlineData(PerspectiveId.Evidence, "es-ES", "Basado en evidencia")]
    [InlineData(PerspectiveId.Success, "en-US", "Success & Achievement")]
    public async Task The_perspectives_system_prompt_and_the_answer_schema_are_sent(PerspectiveId perspective, string locale, string voiceName)
    {
        grok.Reply = (_, _) => FakeReply.Answer(ValidAnswer());
        await using var host = await StartAsync();
        var key = new SegmentKey(Day, locale, perspective, Tier.Pro, "sign:leo");

        var text = await host.Get<SegmentService>().GetAsync(key, CancellationToken.None);

        Assert.Equal("grok", text.Provider);
        var request = Assert.Single(grok.Requests);
        Assert.Equal(SegmentPrompts.System(perspective, locale), request.System);
        Assert.Contains(voiceName, request.System, StringComparison.Ordinal);
        Assert.Equal("grok-3-mini", request.Model);
        Assert.Equal("Bearer test-grok-key", request.Authorization);
        Assert.Equal("json_schema", request.Body["response_format"]?["type"]?.GetValue<string>());
        Assert.Contains("\"snippet\"", request.Body["response_format"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("about 220 words", request.User, StringComparison.Ordinal);
        Assert.Empty(openAi.Requests);
    }

    public static TheoryData<string, LlmCallOutcome, int> Failures => new()
    {
        { "500", LlmCallOutcome.HttpError, 1 },
        { "timeout", LlmCallOutcome.Timeout, 1 },
        { "malformed", LlmCallOutcome.InvalidAnswer, 2 },
        { "schema", LlmCallOutcome.InvalidAnswer, 2 },
        { "sky", LlmCallOutcome.InvalidAnswer, 2 },
        { "repeated heading", LlmCallOutcome.InvalidAnswer, 2 },
        { "repeated sentence", LlmCallOutcome.InvalidAnswer, 2 },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_failing_first_provider_hands_the_segment_to_the_next(string failure, LlmCallOutcome outcome, int grokCalls)
    {
        grok.Reply = (_, _) => failure switch
        {
            "500" => FakeReply.Error(500),
            "timeout" => new FakeReply(Content: ValidAnswer(), Delay: TimeSpan.FromSeconds(10)),
            "malformed" => FakeReply.Answer("{\"subject\": \"Half an answer"),
            "schema" => FakeReply.Answer(ValidAnswer(subject: "Hi")),
            "repeated heading" => FakeReply.Answer(RepeatingAnswer(heading: true)),
            "repeated sentence" => FakeReply.Answer(RepeatingAnswer(heading: false)),
            _ => FakeReply.Answer(WrongSkyAnswer()),
        };
        openAi.Reply = (_, _) => FakeReply.Answer(ValidAnswer("OpenAI wrote this calm subject"));
        await using var host = await StartAsync();

        var text = await host.Get<SegmentService>().GetAsync(GeminiCalm, CancellationToken.None);

        Assert.Equal("openai", text.Provider);
        Assert.Equal("gpt-4o-mini", text.Model);
        Assert.Equal("OpenAI wrote this calm subject", text.Content.Subject);
        Assert.Equal(grokCalls, grok.Count);
        var calls = await CallsAsync(host);
        Assert.Equal(Enumerable.Repeat(outcome, grokCalls).Append(LlmCallOutcome.Success), calls.Select(c => c.Outcome));
        Assert.All(calls, c => Assert.Equal(GeminiCalm.ToString(), c.SegmentKey));
        if (grokCalls == 2)
        {
            // An invalid answer is asked again once, with the reasons.
            Assert.Contains("refused", grok.Requests[1].User, StringComparison.Ordinal);
            Assert.DoesNotContain("refused", grok.Requests[0].User, StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(calls[0].Detail));
            if (failure.StartsWith("repeated", StringComparison.Ordinal))
            {
                Assert.Contains("repetition", calls[0].Detail, StringComparison.Ordinal);
            }
        }

        await using var db = await host.Db.CreateDbContextAsync();
        var stored = await db.Segments.SingleAsync();
        Assert.Equal("openai", stored.Provider);
        Assert.Equal("sign:gemini", stored.SubjectKey);
    }

    [Fact]
    public async Task When_every_provider_fails_the_offline_composer_writes_the_segment()
    {
        grok.Reply = (_, _) => FakeReply.Error(503);
        openAi.Reply = (_, _) => FakeReply.Answer("not json at all");
        await using var host = await StartAsync();

        var text = await host.Get<SegmentService>().GetAsync(GeminiCalm, CancellationToken.None);

        Assert.Equal("offline", text.Provider);
        Assert.DoesNotContain(
            ContentValidator.Validate(text.Content, host.Get<DailySkyCalculator>().Compute(Day, "Etc/UTC"), ContentLocale.English),
            p => !p.StartsWith("sky", StringComparison.Ordinal));
        var calls = await CallsAsync(host);
        Assert.Equal([LlmCallOutcome.HttpError, LlmCallOutcome.InvalidAnswer, LlmCallOutcome.InvalidAnswer], calls.Select(c => c.Outcome));
    }

    [Fact]
    public async Task Recorded_tokens_and_cost_are_the_servers_reported_usage_priced_from_settings()
    {
        grok.Reply = (_, _) => FakeReply.Answer(ValidAnswer(), promptTokens: 812, completionTokens: 344);
        await using var host = await StartAsync(new Dictionary<string, string?>
        {
            ["Llm:Prices:grok-3-mini:InputPer1M"] = "2",
            ["Llm:Prices:grok-3-mini:OutputPer1M"] = "10",
        });

        var text = await host.Get<SegmentService>().GetAsync(GeminiCalm, CancellationToken.None);

        Assert.Equal((812, 344), (text.InputTokens, text.OutputTokens));
        var call = Assert.Single(await CallsAsync(host));
        Assert.Equal((812, 344), (call.InputTokens, call.OutputTokens));
        Assert.Equal(((812 * 2m) + (344 * 10m)) / 1_000_000m, call.CostUsd);
        Assert.Equal("grok", call.Provider);
        Assert.Equal("grok-3-mini", call.Model);
        Assert.Equal(LlmCallOutcome.Success, call.Outcome);
        await using var db = await host.Db.CreateDbContextAsync();
        var stored = await db.Segments.SingleAsync();
        Assert.Equal((812, 344), (stored.InputTokens, stored.OutputTokens));
    }

    [Fact]
    public async Task A_429_with_Retry_After_is_retried_and_then_answered_by_the_same_provider()
    {
        grok.Reply = (_, n) => n == 1 ? FakeReply.Error(429, retryAfter: "1") : FakeReply.Answer(ValidAnswer());
        await using var host = await StartAsync(new Dictionary<string, string?> { ["Llm:MaxRetries"] = "2", ["Llm:RetryDelaySeconds"] = "0.05" });

        var text = await host.Get<SegmentService>().GetAsync(GeminiCalm, CancellationToken.None);

        Assert.Equal("grok", text.Provider);
        Assert.Equal(2, grok.Count);
        Assert.Empty(openAi.Requests);
    }

    [Fact]
    public async Task A_Retry_After_beyond_the_bound_is_not_waited_for_the_next_provider_answers()
    {
        grok.Reply = (_, _) => FakeReply.Error(429, retryAfter: "3600");
        openAi.Reply = (_, _) => FakeReply.Answer(ValidAnswer());
        await using var host = await StartAsync(new Dictionary<string, string?> { ["Llm:MaxRetries"] = "2", ["Llm:MaxRetryAfterSeconds"] = "5" });

        var text = await host.Get<SegmentService>().GetAsync(GeminiCalm, CancellationToken.None);

        Assert.Equal("openai", text.Provider);
        Assert.Equal(1, grok.Count);
    }

    [Fact]
    public async Task Reaching_the_daily_budget_switches_to_offline_records_one_event_and_resets_the_next_utc_day()
    {
        grok.Reply = (_, _) => FakeReply.Answer(ValidAnswer(), promptTokens: 1000, completionTokens: 1000);
        await using var host = await StartAsync(new Dictionary<string, string?>
        {
            ["Llm:DailyBudgetUsd"] = "0.01",
            ["Llm:Prices:grok-3-mini:InputPer1M"] = "5",
            ["Llm:Prices:grok-3-mini:OutputPer1M"] = "5",
        });
        var segments = host.Get<SegmentService>();

        var first = await segments.GetAsync(GeminiCalm, CancellationToken.None); // costs 0.01: the budget is now reached
        var second = await segments.GetAsync(GeminiCalm with { SubjectKey = "sign:leo" }, CancellationToken.None);
        var third = await segments.GetAsync(GeminiCalm with { SubjectKey = "focus:career" }, CancellationToken.None);

        Assert.Equal(["grok", "offline", "offline"], new[] { first.Provider, second.Provider, third.Provider });
        Assert.Equal(1, grok.Count);
        Assert.Empty(openAi.Requests);
        await using (var db = await host.Db.CreateDbContextAsync())
        {
            var reached = await db.LlmBudgetEvents.SingleAsync();
            Assert.Equal(new DateOnly(2026, 11, 30), reached.Day);
            Assert.Equal(0.01m, reached.SpentUsd);
            Assert.Equal(0.01m, reached.BudgetUsd);
            Assert.Equal(2, await db.LlmCalls.CountAsync(c => c.Outcome == LlmCallOutcome.BudgetExceeded));
        }

        host.Time.Advance(TimeSpan.FromDays(1));
        var nextDay = await segments.GetAsync(GeminiCalm with { SubjectKey = "sign:virgo" }, CancellationToken.None);
        Assert.Equal("grok", nextDay.Provider);
        Assert.Equal(2, grok.Count);
    }

    [Fact]
    public async Task Without_keys_the_offline_composer_is_the_default_and_no_call_is_made()
    {
        await using var host = await ContentTestHost.StartAsync(dir.Path);

        var text = await host.Get<SegmentService>().GetAsync(GeminiCalm, CancellationToken.None);

        Assert.Equal("offline", text.Provider);
        Assert.Empty(await CallsAsync(host));
        Assert.Equal(0, grok.Count);
    }
}
