namespace Astropal.Web.Features.Metrics;

/// <summary>One sample of a series: the minute (or hour, <paramref name="PeriodMinutes"/> = 60) and its value.</summary>
public sealed record MetricPoint(DateTimeOffset At, int PeriodMinutes, double? Value);
