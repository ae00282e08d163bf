namespace Astropal.Web.Features.Alerts;

/// <summary>The severities of alert rules, most severe first: critical &gt; high &gt; medium &gt; low.</summary>
public static class AlertSeverities
{
    public const string Critical = "critical";
    public const string High = "high";
    public const string Medium = "medium";
    public const string Low = "low";

    public static IReadOnlyList<string> All { get; } = [Critical, High, Medium, Low];

    public static bool IsKnown(string? severity) => All.Contains(severity?.Trim() ?? "", StringComparer.OrdinalIgnoreCase);

    /// <summary>3 for critical down to 0 for low; an unknown severity ranks as low.</summary>
    public static int Rank(string? severity) => (severity?.Trim().ToLowerInvariant()) switch
    {
        Critical => 3,
        High => 2,
        Medium => 1,
        _ => 0,
    };
}
