using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Astropal.Tests.TestSupport;

/// <summary>How the fake NewsAPI answers.</summary>
public enum FakeNewsAnswer
{
    /// <summary>200 with three articles per category (one "[Removed]"), and one link shared by science and health.</summary>
    Headlines,

    /// <summary>401 with NewsAPI's error body (<c>apiKeyInvalid</c>).</summary>
    Unauthorized,

    /// <summary>500 with NewsAPI's error body (<c>unexpectedError</c>).</summary>
    ServerError,

    /// <summary>200 with a body that is not JSON.</summary>
    Malformed,

    /// <summary>Waits 5 s before answering (beyond a short <c>News:TimeoutSeconds</c>).</summary>
    Slow,
}

/// <summary>One request the fake received.</summary>
internal sealed record FakeNewsRequest(string Path, IReadOnlyDictionary<string, string> Query, string? ApiKeyHeader, string? UserAgent);

/// <summary>A NewsAPI stand-in on a loopback port (real HTTP through Kestrel): records every request and answers as told.</summary>
internal sealed class FakeNewsApi : IAsyncDisposable
{
    private readonly WebApplication app;

    private FakeNewsApi(WebApplication app)
    {
        this.app = app;
    }

    public ConcurrentQueue<FakeNewsRequest> Requests { get; } = new();

    public FakeNewsAnswer Answer { get; set; } = FakeNewsAnswer.Headlines;

    /// <summary>The value for <c>News:BaseUrl</c>.</summary>
    public string BaseUrl => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/v2";

    /// <summary>The headline titles the fake serves for a category, as they should be stored (source suffix removed).</summary>
    public static IReadOnlyList<string> StoredTitles(string category) => [$"{Title(category)} headline one", $"{Title(category)} headline two"];

    public static async Task<FakeNewsApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeNewsApi(app);
        app.MapGet("/v2/top-headlines", fake.HandleAsync);
        await app.StartAsync();
        return fake;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        Requests.Enqueue(new FakeNewsRequest(
            request.Path,
            request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal),
            request.Headers["X-Api-Key"].FirstOrDefault(),
            request.Headers.UserAgent.FirstOrDefault()));
        var category = request.Query["category"].ToString();
        switch (Answer)
        {
            case FakeNewsAnswer.Unauthorized:
                context.Response.StatusCode = 401;
                await context.Response.WriteAsJsonAsync(new { status = "error", code = "apiKeyInvalid", message = "Your API key is invalid or incorrect." });
                return;
            case FakeNewsAnswer.ServerError:
                context.Response.StatusCode = 500;
                await context.Response.WriteAsJsonAsync(new { status = "error", code = "unexpectedError", message = "This shouldn't happen." });
                return;
            case FakeNewsAnswer.Malformed:
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{\"status\":\"ok\",\"articles\":[{\"title\":");
                return;
            case FakeNewsAnswer.Slow:
                await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return;
        }

        var articles = new List<object>
        {
            Article("Example News", $"{Title(category)} headline one - Example News", $"https://news.test/{category}/1"),
            Article("Other Wire", $"{Title(category)} headline two", $"https://news.test/{category}/2"),
            Article(null, "[Removed]", "https://removed.com"),
        };
        if (category is "science" or "health")
        {
            articles.Add(Article("Shared Desk", "A story filed under science and health", "https://news.test/shared"));
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new { status = "ok", totalResults = articles.Count, articles }));
    }

    private static object Article(string? source, string title, string url) => new
    {
        source = new { id = (string?)null, name = source },
        author = "Someone",
        title,
        description = "A description.",
        url,
        urlToImage = (string?)null,
        publishedAt = "2026-12-01T06:30:00Z",
        content = "Content.",
    };

    private static string Title(string category) => category.Length == 0 ? "General" : char.ToUpperInvariant(category[0]) + category[1..];

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
