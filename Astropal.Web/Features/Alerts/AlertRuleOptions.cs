namespace Astropal.Web.Features.Alerts;

/// <summary>
/// One <c>Alerts:Rules:NAME</c> entry: overrides the fields it sets of the default rule called NAME, drops it with
/// <c>Enabled=false</c>, or (for a NAME that is not a default) adds a new rule, which then needs Metric, Comparison and Threshold.
/// </summary>
public sealed class AlertRuleOptions
{
    public bool? Enabled { get; set; }

    public string? Metric { get; set; }

    /// <summary><c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c> or <c>&gt;=</c>.</summary>
    public string? Comparison { get; set; }

    public double? Threshold { get; set; }

    /// <summary>How long the condition must hold before the rule fires (00:00:00: at the first evaluation past the threshold).</summary>
    public TimeSpan? Duration { get; set; }

    /// <summary>critical, high, medium or low.</summary>
    public string? Severity { get; set; }

    public string? Runbook { get; set; }

    /// <summary>Reminders while firing (not acknowledged, not silenced); unset: none. Set to 00:00:00 to turn a default's reminders off.</summary>
    public TimeSpan? RepeatEvery { get; set; }

    public string? Description { get; set; }

    /// <summary>The status-page component key the rule watches (alerts are suppressed during its maintenance); empty: none.</summary>
    public string? Component { get; set; }
}
