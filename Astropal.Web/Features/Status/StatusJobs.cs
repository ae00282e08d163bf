using Quartz;

namespace Astropal.Web.Features.Status;

/// <summary>When the status feature's Quartz job runs; called by the scheduler setup when Quartz is enabled.</summary>
public static class StatusJobs
{
    public static IQuartzBuilder AddStatusJobs(this IQuartzBuilder quartz)
    {
        ArgumentNullException.ThrowIfNull(quartz);
        quartz.ScheduleJob<StatusDeriveJob>(
            trigger => trigger.WithIdentity("status-derive-every-minute", "status")
                .WithCronSchedule(StatusDeriveJob.Cron, cron => cron.InTimeZone(TimeZoneInfo.Utc)),
            job => job.WithIdentity(StatusDeriveJob.Key));
        return quartz;
    }
}
