namespace Astropal.Core.Content.News;

/// <summary>The stored headlines a reader's email may speak about.</summary>
public interface INewsHeadlineSource
{
    /// <summary>
    /// The headlines for a reader's local date, in NewsAPI's order per category: those fetched on that
    /// (UTC) date, or else on the day before (readers east of UTC start their day before the day's fetch).
    /// Empty when news is off (no <c>News:ApiKey</c>) or nothing was fetched; never throws for a failed fetch.
    /// </summary>
    Task<IReadOnlyList<NewsHeadline>> ForLocalDateAsync(DateOnly localDate, CancellationToken cancellationToken);
}

/// <summary>No news: the source where no news feature is registered (tools, benchmarks, tests).</summary>
public sealed class NoNewsHeadlines : INewsHeadlineSource
{
    public Task<IReadOnlyList<NewsHeadline>> ForLocalDateAsync(DateOnly localDate, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<NewsHeadline>>([]);
}
