using System.Globalization;
using Microsoft.Extensions.Options;

namespace Astropal.Core.Content.News;

/// <summary>Settings of the <c>News</c> section: NewsAPI top headlines. Without <see cref="ApiKey"/> nothing is fetched.</summary>
public sealed class NewsOptions
{
    public const string SectionName = "News";

    /// <summary>The categories NewsAPI's <c>top-headlines</c> endpoint knows.</summary>
    public static IReadOnlyList<string> KnownCategories { get; } = ["business", "entertainment", "general", "health", "science", "sports", "technology"];

    /// <summary>NewsAPI key, sent as the <c>X-Api-Key</c> header. Empty: no fetch, and the news parts of the emails are left out.</summary>
    public string? ApiKey { get; set; }

    public string BaseUrl { get; set; } = "https://newsapi.org/v2";

    /// <summary>ISO 3166-1 alpha-2 country of the top headlines, lower case (<c>top-headlines</c> has no language parameter).</summary>
    public string Country { get; set; } = "us";

    /// <summary>Comma-separated categories, each fetched with its own request.</summary>
    public string Categories { get; set; } = "science,technology,business,health";

    /// <summary>Headlines asked for per category (NewsAPI allows 1–100).</summary>
    public int PageSize { get; set; } = 10;

    public int TimeoutSeconds { get; set; } = 10;

    public bool Enabled => !string.IsNullOrWhiteSpace(ApiKey);

    /// <summary>The configured categories, trimmed and lower-cased, without duplicates.</summary>
    public IReadOnlyList<string> CategoryList =>
        Categories.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .ToList();
}

/// <summary>Startup validation of <see cref="NewsOptions"/>; every message names the setting.</summary>
public sealed class NewsOptionsValidator : IValidateOptions<NewsOptions>
{
    public ValidateOptionsResult Validate(string? name, NewsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"News:BaseUrl must be an absolute http or https address; '{options.BaseUrl}' is not.");
        }

        if (options.Country is not { Length: 2 } country || !country.All(char.IsAsciiLetterLower))
        {
            failures.Add($"News:Country must be a two-letter lower-case country code such as 'us' or 'gb'; '{options.Country}' is not.");
        }

        var categories = options.CategoryList;
        var unknown = categories.Where(c => !NewsOptions.KnownCategories.Contains(c, StringComparer.Ordinal)).ToList();
        if (categories.Count == 0)
        {
            failures.Add("News:Categories must name at least one category (comma-separated, e.g. 'science,technology,business,health').");
        }
        else if (unknown.Count > 0)
        {
            failures.Add($"News:Categories has unknown categories ({string.Join(", ", unknown)}); NewsAPI knows {string.Join(", ", NewsOptions.KnownCategories)}.");
        }

        if (options.PageSize is < 1 or > 100)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"News:PageSize must be between 1 and 100; it is {options.PageSize}."));
        }

        if (options.TimeoutSeconds is < 1 or > 120)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"News:TimeoutSeconds must be between 1 and 120; it is {options.TimeoutSeconds}."));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
