using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Astropal.Core.Content.News;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Content.News;

/// <summary>One article of a top-headlines answer, as NewsAPI gave it.</summary>
public sealed record NewsApiArticle(string? Title, string? Source, string? Url, DateTimeOffset? PublishedAt);

/// <summary>What one top-headlines request gave: the articles, or why there are none.</summary>
public sealed record NewsApiAnswer(IReadOnlyList<NewsApiArticle> Articles, string? Error)
{
    public bool Succeeded => Error is null;

    public static NewsApiAnswer Failed(string error) => new([], error);
}

/// <summary>
/// Typed client of NewsAPI's <c>GET /top-headlines</c> (base address, timeout and user agent from
/// <see cref="NewsOptions"/>). The key travels in the <c>X-Api-Key</c> header, never in the address, so
/// request logs do not carry it. Failures (HTTP status, NewsAPI's error answer, timeout, malformed JSON)
/// come back as <see cref="NewsApiAnswer.Error"/>, never as an exception; only cancellation throws.
/// </summary>
public sealed class NewsApiClient(HttpClient http, IOptions<NewsOptions> options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<NewsApiAnswer> TopHeadlinesAsync(string category, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(category);
        var settings = options.Value;
        var query = string.Create(
            CultureInfo.InvariantCulture,
            $"top-headlines?country={Uri.EscapeDataString(settings.Country)}&category={Uri.EscapeDataString(category)}&pageSize={settings.PageSize}");
        using var request = new HttpRequestMessage(HttpMethod.Get, query);
        request.Headers.Add("X-Api-Key", settings.ApiKey);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return NewsApiAnswer.Failed($"HTTP {(int)response.StatusCode} {ErrorOf(body) ?? response.ReasonPhrase}".TrimEnd());
            }

            var answer = JsonSerializer.Deserialize<TopHeadlinesAnswer>(body, Json);
            if (answer is null || !string.Equals(answer.Status, "ok", StringComparison.OrdinalIgnoreCase))
            {
                return NewsApiAnswer.Failed($"NewsAPI answered status '{answer?.Status}': {ErrorOf(body) ?? "no message"}");
            }

            if (answer.Articles is null)
            {
                return NewsApiAnswer.Failed("malformed answer: no 'articles' array");
            }

            return new NewsApiAnswer(
                answer.Articles.Select(a => new NewsApiArticle(a.Title, a.Source?.Name, a.Url, a.PublishedAt)).ToList(),
                null);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return NewsApiAnswer.Failed($"timed out after {settings.TimeoutSeconds} s (News:TimeoutSeconds)");
        }
        catch (HttpRequestException ex)
        {
            return NewsApiAnswer.Failed($"request failed: {ex.Message}");
        }
        catch (JsonException ex)
        {
            return NewsApiAnswer.Failed($"malformed answer: {ex.Message}");
        }
    }

    /// <summary>NewsAPI's error answer <c>{"status":"error","code":…,"message":…}</c> as "code: message", or null.</summary>
    private static string? ErrorOf(string body)
    {
        try
        {
            var error = JsonSerializer.Deserialize<TopHeadlinesAnswer>(body, Json);
            return error?.Code is null && error?.Message is null ? null : $"{error.Code}: {error.Message}";
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Registers the typed client: base address, timeout and user agent from the <c>News</c> settings.</summary>
    internal static void Configure(IServiceProvider services, HttpClient http)
    {
        var settings = services.GetRequiredService<IOptions<NewsOptions>>().Value;
        http.BaseAddress = new Uri(settings.BaseUrl.TrimEnd('/') + "/");
        http.Timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds);
        http.MaxResponseContentBufferSize = 4 * 1024 * 1024;
        // NewsAPI refuses requests without a user agent.
        http.DefaultRequestHeaders.UserAgent.ParseAdd("Astropal/1.0");
        http.DefaultRequestVersion = HttpVersion.Version11;
    }

    private sealed record TopHeadlinesAnswer(
        string? Status,
        string? Code,
        string? Message,
        [property: JsonPropertyName("articles")] List<ArticleDto>? Articles);

    private sealed record ArticleDto(SourceDto? Source, string? Title, string? Url, DateTimeOffset? PublishedAt);

    private sealed record SourceDto(string? Name);
}
