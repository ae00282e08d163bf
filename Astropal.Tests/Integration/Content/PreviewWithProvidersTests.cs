using System.Text.Json;
using Astropal.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting;

namespace Astropal.Tests.Integration.Content;

/// <summary><c>preview daily --format json</c> with Grok configured on a loopback fake: it reports what was used.</summary>
public sealed class PreviewWithProvidersTests : IAsyncLifetime
{
    private FakeChatServer grok = null!;

    public async Task InitializeAsync()
    {
        grok = await FakeChatServer.StartAsync();
        grok.Reply = (request, _) => FakeReply.Answer(LlmChainTests.ValidAnswer(), promptTokens: request.User.Contains("focus area", StringComparison.Ordinal) ? 500 : 800, completionTokens: 200);
    }

    public async Task DisposeAsync() => await grok.DisposeAsync();

    [Fact]
    public async Task Json_reports_the_provider_model_and_tokens_of_the_segments_used_and_renders_their_words()
    {
        await using var app = new ProvidersAppFactory(grok.BaseUrl);
        var args = new[]
        {
            "preview", "daily", "--birth-date", "1990-05-17", "--birth-place", "2657896", "--perspective", "calm",
            "--focus", "career,wellness", "--tier", "pro", "--date", "2026-12-01", "--format", "json",
        };

        var result = await CliRun.RunAsync(app.Services, null, args);

        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal("grok", root.GetProperty("provider").GetString());
        Assert.Equal("grok-3-mini", root.GetProperty("model").GetString());
        Assert.Equal(800 + 500 + 500, root.GetProperty("tokens").GetProperty("input").GetInt32());
        Assert.Equal(3 * 200, root.GetProperty("tokens").GetProperty("output").GetInt32());
        Assert.Equal("A steady day to breathe slowly", root.GetProperty("subject").GetString());
        var segments = root.GetProperty("segments").EnumerateArray().ToList();
        Assert.Equal(["2026-12-01/en-US/calm/pro/sign:taurus", "2026-12-01/en-US/calm/pro/focus:career", "2026-12-01/en-US/calm/pro/focus:wellness"], segments.Select(s => s.GetProperty("key").GetString()));
        Assert.All(segments, s => Assert.Equal("grok", s.GetProperty("provider").GetString()));
        Assert.Equal("Today's Energy", root.GetProperty("message")[0].GetProperty("heading").GetString());
        Assert.Equal(3, grok.Count);

        // Rendering the same email again uses the stored segments: exactly as it would be sent, no new call.
        var text = await CliRun.RunAsync(app.Services, null, [.. args[..^1], "text"]);
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("Subject: A steady day to breathe slowly", text.Out, StringComparison.Ordinal);
        Assert.Contains("Today's Energy", text.Out, StringComparison.Ordinal);
        Assert.Equal(3, grok.Count);
    }

    private sealed class ProvidersAppFactory(string grokUrl) : AstropalAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Llm:Providers:Grok:ApiKey", "test-key");
            builder.UseSetting("Llm:Providers:Grok:BaseUrl", grokUrl);
            builder.UseSetting("Llm:MaxRetries", "0");
        }
    }
}
