using Quartz;

namespace Astropal.Web.Features.Content.News;

/// <summary>
/// The Quartz job behind the news: every hour at minute 10 (UTC) it fetches the categories that have no
/// headlines for today yet, so a day is fetched once (at 00:10) and a failed fetch is tried again an hour later.
/// </summary>
[DisallowConcurrentExecution]
public sealed class NewsFetchJob(NewsFetcher fetcher) : IJob
{
    public static readonly JobKey Key = new("news-fetch", "content");

    /// <summary>Every hour at minute 10, UTC.</summary>
    public const string Cron = "0 10 * * * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await fetcher.EnsureTodayAsync(onDemand: false, cancellationToken);
    }
}
