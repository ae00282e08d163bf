using Quartz;

namespace Astropal.Web.Features.Content.News;

/// <summary>When the news headlines are fetched; called by the scheduler setup when Quartz is enabled.</summary>
public static class NewsJobs
{
    public static IQuartzBuilder AddNewsJobs(this IQuartzBuilder quartz)
    {
        ArgumentNullException.ThrowIfNull(quartz);
        quartz.ScheduleJob<NewsFetchJob>(
            trigger => trigger.WithIdentity("news-fetch-hourly", "content")
                .WithCronSchedule(NewsFetchJob.Cron, cron => cron.InTimeZone(TimeZoneInfo.Utc)),
            job => job.WithIdentity(NewsFetchJob.Key));
        return quartz;
    }
}
