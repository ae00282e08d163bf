using Quartz;

namespace Astropal.Web.Features.Alerts;

/// <summary>When the alerts feature's Quartz job runs; called by the scheduler setup when Quartz is enabled.</summary>
public static class AlertJobs
{
    /// <summary>The evaluation every <paramref name="interval"/> (<c>Alerts:EvaluationInterval</c>, read in the composition root).</summary>
    public static IQuartzBuilder AddAlertJobs(this IQuartzBuilder quartz, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(quartz);
        var every = interval < AlertsOptions.MinEvaluationInterval ? AlertsOptions.MinEvaluationInterval : interval;
        quartz.ScheduleJob<AlertEvaluationJob>(
            trigger => trigger.WithIdentity("alerts-evaluate-every-interval", "alerts")
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(every).RepeatForever()),
            job => job.WithIdentity(AlertEvaluationJob.Key));
        return quartz;
    }

    /// <summary><c>Alerts:EvaluationInterval</c> as configured (the options validation rejects a bad value at startup).</summary>
    public static TimeSpan IntervalFrom(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return TimeSpan.TryParse(configuration["Alerts:EvaluationInterval"], System.Globalization.CultureInfo.InvariantCulture, out var interval)
            ? interval
            : new AlertsOptions().EvaluationInterval;
    }
}
