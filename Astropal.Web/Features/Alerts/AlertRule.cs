using System.Globalization;

namespace Astropal.Web.Features.Alerts;

/// <summary>
/// An alert rule in force: <see cref="Metric"/> <see cref="Comparison"/> <see cref="Threshold"/> held for
/// <see cref="Duration"/> fires an episode. A null <see cref="Threshold"/> means "the metric's alert threshold in force"
/// (<c>Metrics:Targets</c> or an Admin's override), resolved at each evaluation.
/// </summary>
public sealed record AlertRule(
    string Name,
    string Metric,
    string Comparison,
    double? Threshold,
    TimeSpan Duration,
    string Severity,
    string Runbook,
    TimeSpan? RepeatEvery,
    string? Description)
{
    /// <summary>
    /// The status-page component the rule watches (<c>StatusComponentKeys</c>, e.g. <c>email-delivery</c>), or null. While
    /// a maintenance window covers it, the rule sends no firing or reminder message (docs/alerts.md).
    /// </summary>
    public string? Component { get; init; }

    /// <summary>"&lt; 4 for 60 min", "&gt; 20000".</summary>
    public string ConditionText(double threshold)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{Comparison} {threshold:0.####}");
        return Duration > TimeSpan.Zero ? text + " for " + DurationText(Duration) : text;
    }

    public static string DurationText(TimeSpan span) => span.TotalMinutes >= 1 && span.Seconds == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0} min")
        : string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0} s");
}
