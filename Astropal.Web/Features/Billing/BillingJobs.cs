using Quartz;

namespace Astropal.Web.Features.Billing;

/// <summary>When billing's Quartz job runs; called by the scheduler setup when Quartz is enabled.</summary>
public static class BillingJobs
{
    public static IQuartzBuilder AddBillingJobs(this IQuartzBuilder quartz)
    {
        ArgumentNullException.ThrowIfNull(quartz);
        quartz.ScheduleJob<BillingJob>(
            trigger => trigger.WithIdentity("billing-hourly", "billing")
                .WithCronSchedule(BillingJob.Cron, cron => cron.InTimeZone(TimeZoneInfo.Utc)),
            job => job.WithIdentity(BillingJob.Key));
        return quartz;
    }
}
