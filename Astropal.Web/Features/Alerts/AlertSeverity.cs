namespace Astropal.Web.Features.Alerts;

/// <summary>The severities of a rule, most severe first.</summary>
public static class AlertSeverity
{
    public const string Critical = "critical";
    public const string High = "high";
    public const string Medium = "medium";
    public const string Low = "low";

    public static IReadOnlyList<string> All { get; } = [Critical, High, Medium, Low];

    public static bool IsValid(string? severity) => severity is not null && All.Contains(severity.Trim(), StringComparer.OrdinalIgnoreCase);
}
