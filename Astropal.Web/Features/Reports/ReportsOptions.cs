using System.ComponentModel.DataAnnotations;

namespace Astropal.Web.Features.Reports;

/// <summary>Settings of the <c>Reports</c> section.</summary>
public sealed class ReportsOptions
{
    public const string SectionName = "Reports";

    /// <summary>The default: the launch plan's evening check.</summary>
    public static readonly TimeSpan DefaultDailyAt = new(21, 0, 0);

    /// <summary>
    /// When the daily operations report of the UTC day is sent to the operators, a UTC time of day (<c>HH:mm</c> or
    /// <c>HH:mm:ss</c>, 00:00 to 23:59:59).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "23:59:59", ErrorMessage = "Reports:DailyAt must be a UTC time of day between 00:00 and 23:59:59, e.g. 21:00.")]
    public TimeSpan DailyAt { get; set; } = DefaultDailyAt;

    /// <summary>The Quartz cron expression of <see cref="DailyAt"/> (whole seconds).</summary>
    public static string CronOf(TimeSpan dailyAt) =>
        FormattableString.Invariant($"{dailyAt.Seconds} {dailyAt.Minutes} {dailyAt.Hours} * * ?");
}
