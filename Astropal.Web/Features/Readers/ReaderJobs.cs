using Quartz;

namespace Astropal.Web.Features.Readers;

/// <summary>When the readers feature's Quartz jobs run; called by the scheduler setup when Quartz is enabled.</summary>
public static class ReaderJobs
{
    /// <summary>Expired reader tokens purged once a day; inactive readers noticed and purged once a day.</summary>
    public static IQuartzBuilder AddReaderJobs(this IQuartzBuilder quartz)
    {
        ArgumentNullException.ThrowIfNull(quartz);
        quartz.ScheduleJob<ReaderTokenPurgeJob>(
            trigger => trigger.WithIdentity("reader-token-purge-daily", "readers")
                .WithCronSchedule(ReaderTokenPurgeJob.Cron, cron => cron.InTimeZone(TimeZoneInfo.Utc)),
            job => job.WithIdentity(ReaderTokenPurgeJob.Key));
        quartz.ScheduleJob<InactiveReaderPurgeJob>(
            trigger => trigger.WithIdentity("inactive-reader-purge-daily", "readers")
                .WithCronSchedule(InactiveReaderPurgeJob.Cron, cron => cron.InTimeZone(TimeZoneInfo.Utc)),
            job => job.WithIdentity(InactiveReaderPurgeJob.Key));
        return quartz;
    }
}
