namespace Astropal.Data;

/// <summary>
/// One sampled value of a launch metric: a minute sample (<see cref="PeriodMinutes"/> = 1) taken every minute, or an
/// hourly rollup (60, the mean of that hour's minute samples) that replaces them after seven days. (Metric, period, At)
/// is unique, so a second sample of the same minute is refused. Kept 400 days.
/// </summary>
public sealed class MetricSample
{
    public long Id { get; set; }

    /// <summary>The metric's name, e.g. <c>email.delivery.rate</c>.</summary>
    public required string Metric { get; set; }

    /// <summary>The start of the minute (or hour) the value is for, UTC.</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>1 for a minute sample, 60 for an hourly rollup.</summary>
    public int PeriodMinutes { get; set; } = 1;

    /// <summary>The value; null when there was nothing to measure (a rate with no denominator).</summary>
    public double? Value { get; set; }
}
