using Astropal.Core.Content;
using Astropal.Core.Content.News;
using Astropal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Content.News;

/// <summary>What one fetch did: requests made, requests failed, headlines stored; or why nothing was asked.</summary>
public sealed record NewsFetchSummary(int Requests, int Failed, int Stored, string? SkippedBecause = null);

/// <summary>
/// Fetches NewsAPI top headlines per configured category and stores them for the UTC day, each link once
/// (a unique index settles two instances fetching at the same moment). A failed request is logged as an
/// error and leaves the category without headlines; nothing is thrown, so emails never wait on the news.
/// </summary>
public sealed partial class NewsFetcher(
    NewsApiClient api,
    IDbContextFactory<AstropalDbContext> dbFactory,
    IOptions<NewsOptions> options,
    TimeProvider time,
    ILogger<NewsFetcher> logger) : IDisposable
{
    /// <summary>After a failed fetch, an on-demand fetch (from composing an email) waits this long before asking again.</summary>
    public static readonly TimeSpan OnDemandCooldown = TimeSpan.FromMinutes(15);

    private readonly SemaphoreSlim gate = new(1, 1);
    private DateTimeOffset? lastFailureAt;

    public DateOnly TodayUtc => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>
    /// Fetches the categories that have no headlines for today (UTC) yet: the daily job, and the on-demand
    /// path when an email finds the day empty (<paramref name="onDemand"/>: not again within
    /// <see cref="OnDemandCooldown"/> of a failure).
    /// </summary>
    public async Task<NewsFetchSummary> EnsureTodayAsync(bool onDemand, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return new(0, 0, 0, "News:ApiKey is not set");
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (onDemand && lastFailureAt is { } failedAt && time.GetUtcNow() - failedAt < OnDemandCooldown)
            {
                return new(0, 0, 0, "the last fetch failed less than 15 minutes ago");
            }

            var today = TodayUtc;
            List<string> present;
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                present = await db.NewsHeadlines.Where(h => h.FetchedOn == today).Select(h => h.Category).Distinct().ToListAsync(cancellationToken);
            }

            var missing = options.Value.CategoryList.Except(present, StringComparer.Ordinal).ToList();
            return missing.Count == 0
                ? new(0, 0, 0, "today's headlines are already stored")
                : await FetchCoreAsync(today, missing, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Fetches every configured category now and stores the links not stored for today yet.</summary>
    public async Task<NewsFetchSummary> FetchAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return new(0, 0, 0, "News:ApiKey is not set");
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            return await FetchCoreAsync(TodayUtc, options.Value.CategoryList, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<NewsFetchSummary> FetchCoreAsync(DateOnly day, IReadOnlyList<string> categories, CancellationToken cancellationToken)
    {
        var fetched = new List<NewsHeadline>();
        var failed = 0;
        var now = time.GetUtcNow();
        foreach (var category in categories)
        {
            var answer = await api.TopHeadlinesAsync(category, cancellationToken);
            if (!answer.Succeeded)
            {
                failed++;
                Log.RequestFailed(logger, category, answer.Error!);
                continue;
            }

            fetched.AddRange(answer.Articles.Select(a => ToHeadline(a, category, day, now)).OfType<NewsHeadline>());
        }

        lastFailureAt = failed > 0 ? now : null;
        var stored = await StoreAsync(day, fetched, cancellationToken);
        Log.Fetched(logger, day, categories.Count, failed, stored);
        return new(categories.Count, failed, stored);
    }

    /// <summary>Stores the headlines whose link is not stored for the day yet; once more after losing a race to another instance.</summary>
    private async Task<int> StoreAsync(DateOnly day, List<NewsHeadline> fetched, CancellationToken cancellationToken)
    {
        var candidates = fetched.DistinctBy(h => h.Url, StringComparer.Ordinal).ToList();
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var stored = (await db.NewsHeadlines.Where(h => h.FetchedOn == day).Select(h => h.Url).ToListAsync(cancellationToken))
                .ToHashSet(StringComparer.Ordinal);
            var fresh = candidates.Where(h => !stored.Contains(h.Url)).Select(Copy).ToList();
            if (fresh.Count == 0)
            {
                return 0;
            }

            db.NewsHeadlines.AddRange(fresh);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return fresh.Count;
            }
            catch (DbUpdateException ex) when (attempt == 0)
            {
                // Another instance stored some of the same links between our read and our write: read again.
                Log.StoreRace(logger, ex.InnerException?.Message ?? ex.Message);
            }
        }
    }

    public void Dispose() => gate.Dispose();

    private static NewsHeadline Copy(NewsHeadline h) => new()
    {
        FetchedOn = h.FetchedOn,
        Category = h.Category,
        Title = h.Title,
        Source = h.Source,
        Url = h.Url,
        PublishedAt = h.PublishedAt,
        FetchedAt = h.FetchedAt,
    };

    /// <summary>A storable headline, or null for removed articles, missing titles and links that are not absolute http(s) or too long.</summary>
    internal static NewsHeadline? ToHeadline(NewsApiArticle article, string category, DateOnly day, DateTimeOffset now)
    {
        var title = article.Title?.Trim();
        if (string.IsNullOrEmpty(title) || title == "[Removed]"
            || article.Url is not { Length: <= NewsHeadline.MaxUrlLength } url
            || !Uri.TryCreate(url, UriKind.Absolute, out var link)
            || (link.Scheme != Uri.UriSchemeHttps && link.Scheme != Uri.UriSchemeHttp))
        {
            return null;
        }

        var source = string.IsNullOrWhiteSpace(article.Source) ? link.Host : article.Source.Trim();
        // NewsAPI titles usually end in " - Source"; the email shows the source beside the title already.
        var suffix = " - " + source;
        if (title.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && title.Length > suffix.Length)
        {
            title = title[..^suffix.Length].TrimEnd();
        }

        return new NewsHeadline
        {
            FetchedOn = day,
            Category = category,
            Title = title.Length > 500 ? title[..497] + "..." : title,
            Source = source.Length > 200 ? source[..200] : source,
            Url = url,
            PublishedAt = article.PublishedAt,
            FetchedAt = now,
        };
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "NewsAPI top headlines for category {Category} failed: {Error}. The news parts of today's emails are left out until a fetch succeeds")]
        public static partial void RequestFailed(ILogger logger, string category, string error);

        [LoggerMessage(Level = LogLevel.Information, Message = "News fetch for {Day}: {Requests} categories asked, {Failed} failed, {Stored} new headlines stored")]
        public static partial void Fetched(ILogger logger, DateOnly day, int requests, int failed, int stored);

        [LoggerMessage(Level = LogLevel.Information, Message = "Another instance stored some of the same headlines first ({Reason}); reading again")]
        public static partial void StoreRace(ILogger logger, string reason);
    }
}
