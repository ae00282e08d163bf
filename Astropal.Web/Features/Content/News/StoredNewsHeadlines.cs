using System.Collections.Concurrent;
using Astropal.Core.Content;
using Astropal.Core.Content.News;
using Astropal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Content.News;

/// <summary>
/// The headlines in the database for a reader's local date: that UTC day's, or else the day before's.
/// When a date around today has none, fetches on demand first (at most once per 15 minutes after a
/// failure). A found day is kept in memory for 5 minutes, so a delivery run reads the database once.
/// Without <c>News:ApiKey</c> there is no news at all.
/// </summary>
public sealed partial class StoredNewsHeadlines(
    IDbContextFactory<AstropalDbContext> dbFactory,
    NewsFetcher fetcher,
    IOptions<NewsOptions> options,
    TimeProvider time,
    ILogger<StoredNewsHeadlines> logger) : INewsHeadlineSource
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<DateOnly, (DateTimeOffset At, IReadOnlyList<NewsHeadline> Headlines)> cache = new();

    public async Task<IReadOnlyList<NewsHeadline>> ForLocalDateAsync(DateOnly localDate, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return [];
        }

        var now = time.GetUtcNow();
        if (cache.TryGetValue(localDate, out var cached) && now - cached.At < CacheFor)
        {
            return cached.Headlines;
        }

        var found = await ReadAsync(localDate, cancellationToken);
        if (found.Count == 0 && Math.Abs(localDate.DayNumber - fetcher.TodayUtc.DayNumber) <= 1)
        {
            try
            {
                await fetcher.EnsureTodayAsync(onDemand: true, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.OnDemandFailed(logger, ex);
            }

            found = await ReadAsync(localDate, cancellationToken);
        }

        if (found.Count > 0)
        {
            cache[localDate] = (now, found);
        }

        return found;
    }

    private async Task<IReadOnlyList<NewsHeadline>> ReadAsync(DateOnly localDate, CancellationToken cancellationToken)
    {
        var dayBefore = localDate.AddDays(-1);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.NewsHeadlines.AsNoTracking()
            .Where(h => h.FetchedOn == localDate || h.FetchedOn == dayBefore)
            .OrderBy(h => h.Id)
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        var newest = rows.Max(r => r.FetchedOn);
        return rows.Where(h => h.FetchedOn == newest).ToList();
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "On-demand news fetch failed; the email goes out without news")]
        public static partial void OnDemandFailed(ILogger logger, Exception exception);
    }
}
