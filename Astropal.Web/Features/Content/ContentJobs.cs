using Quartz;

namespace Astropal.Web.Features.Content;

/// <summary>When the content feature's Quartz jobs run; called by the scheduler setup when Quartz is enabled.</summary>
public static class ContentJobs
{
    /// <summary>Segments for the local dates starting in the next 36 h: the daily run, then hourly top-ups (new readers, changed preferences).</summary>
    public static IQuartzBuilder AddContentJobs(this IQuartzBuilder quartz)
    {
        ArgumentNullException.ThrowIfNull(quartz);
        quartz.AddJob<SegmentPreparationJob>(job => job.WithIdentity(SegmentPreparationJob.Key).StoreDurably());
        quartz.AddTrigger(trigger => trigger.ForJob(SegmentPreparationJob.Key).WithIdentity("segments-daily-0005-utc", "content")
            .WithCronSchedule("0 5 0 * * ?", cron => cron.InTimeZone(TimeZoneInfo.Utc)));
        quartz.AddTrigger(trigger => trigger.ForJob(SegmentPreparationJob.Key).WithIdentity("segments-hourly-top-up", "content")
            .WithCronSchedule("0 35 * * * ?", cron => cron.InTimeZone(TimeZoneInfo.Utc)));
        return quartz;
    }
}
