using Quartz;

namespace Astropal.Web.Features.Backups;

/// <summary>When the backups feature's Quartz job runs; called by the scheduler setup when Quartz is enabled.</summary>
public static class BackupJobs
{
    public static IQuartzBuilder AddBackupJobs(this IQuartzBuilder quartz)
    {
        ArgumentNullException.ThrowIfNull(quartz);
        quartz.ScheduleJob<NightlyBackupJob>(
            trigger => trigger.WithIdentity("nightly-backup-daily", "backups")
                .WithCronSchedule(NightlyBackupJob.Cron, cron => cron.InTimeZone(TimeZoneInfo.Utc)),
            job => job.WithIdentity(NightlyBackupJob.Key));
        return quartz;
    }
}
