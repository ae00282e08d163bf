namespace Astropal.Core.Email.Models;

/// <summary>One metric row of the daily report email: formatted values, states (ok, warning, alert, no-data), target and alert threshold.</summary>
public sealed record DailyReportMetricRow(string Title, string Value, string State, string Yesterday, string YesterdayState, string Target, string AlertThreshold);
