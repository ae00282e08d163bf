namespace Astropal.Web.Features.Reports;

/// <summary>How many of the day's deliveries are in one status (<c>pending</c>, <c>sending</c>, <c>sent</c>, <c>failed</c>, <c>skipped</c>, <c>suppressed</c>).</summary>
public sealed record DailyReportCount(string Status, int Count);
