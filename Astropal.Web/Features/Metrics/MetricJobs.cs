using Quartz;

namespace Astropal.Web.Features.Metrics;

/// <summary>When the metrics feature's Quartz jobs run; called by the scheduler setup when Quartz is enabled.</summary>
public static class MetricJobs
{
    public static IQuartzBuilder AddMetricJobs(this IQuartzBuilder quartz)
    {
        ArgumentNullException.ThrowIfNull(quartz);
        quartz.ScheduleJob<MetricSampleJob>(
            trigger => trigger.WithIdentity("metrics-sample-every-minute", "metrics")
                .WithCronSchedule(MetricSampleJob.Cron, cron => cron.InTimeZone(TimeZoneInfo.Utc)),
            job => job.WithIdentity(MetricSampleJob.Key));
        quartz.ScheduleJob<MetricRollupJob>(
            trigger => trigger.WithIdentity("metrics-rollup-hourly", "metrics")
                .WithCronSchedule(MetricRollupJob.Cron, cron => cron.InTimeZone(TimeZoneInfo.Utc)),
            job => job.WithIdentity(MetricRollupJob.Key));
        return quartz;
    }
}
