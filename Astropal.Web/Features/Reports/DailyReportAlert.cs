namespace Astropal.Web.Features.Reports;

/// <summary>An alert episode that fired or resolved on the report's day.</summary>
public sealed record DailyReportAlert(long Id, string Rule, string Metric, string Severity, DateTimeOffset? FiredAt, DateTimeOffset? ResolvedAt);
