using Quartz;

namespace Astropal.Web.Features.Alerts;

/// <summary>When the alert channels' Quartz job runs; called by the scheduler setup when Quartz is enabled.</summary>
public static class AlertChannelJobs
{
    public static IQuartzBuilder AddAlertChannelJobs(this IQuartzBuilder quartz)
    {
        ArgumentNullException.ThrowIfNull(quartz);
        quartz.ScheduleJob<AlertNotificationJob>(
            trigger => trigger.WithIdentity("alert-notifications-every-15s", "alerts")
                .WithCronSchedule(AlertNotificationJob.Cron, cron => cron.InTimeZone(TimeZoneInfo.Utc)),
            job => job.WithIdentity(AlertNotificationJob.Key));
        return quartz;
    }
}
