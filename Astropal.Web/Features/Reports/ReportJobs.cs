using System.Globalization;
using Quartz;

namespace Astropal.Web.Features.Reports;

/// <summary>When the reports feature's Quartz job runs; called by the scheduler setup when Quartz is enabled.</summary>
public static class ReportJobs
{
    /// <summary>
    /// Schedules <see cref="DailyReportJob"/> daily at <paramref name="dailyAt"/> UTC (<c>Reports:DailyAt</c>, read by the
    /// composition root; an invalid value is refused at startup by the options validation).
    /// </summary>
    public static IQuartzBuilder AddReportJobs(this IQuartzBuilder quartz, string? dailyAt)
    {
        ArgumentNullException.ThrowIfNull(quartz);
        var at = TimeSpan.TryParse(dailyAt, CultureInfo.InvariantCulture, out var parsed) && parsed >= TimeSpan.Zero && parsed < TimeSpan.FromDays(1)
            ? parsed
            : ReportsOptions.DefaultDailyAt;
        quartz.ScheduleJob<DailyReportJob>(
            trigger => trigger.WithIdentity("daily-report-daily", "reports")
                .WithCronSchedule(ReportsOptions.CronOf(at), cron => cron.InTimeZone(TimeZoneInfo.Utc)),
            job => job.WithIdentity(DailyReportJob.Key));
        return quartz;
    }
}
