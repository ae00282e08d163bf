namespace Astropal.Web.Features.Alerts;

/// <summary>The comparisons a rule may use: <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c>.</summary>
public static class AlertComparison
{
    public static IReadOnlyList<string> All { get; } = ["<", "<=", ">", ">="];

    public static bool IsValid(string? comparison) => comparison is not null && All.Contains(comparison.Trim(), StringComparer.Ordinal);

    /// <summary>Whether <paramref name="value"/> compared with <paramref name="threshold"/> holds; no data (null) never holds.</summary>
    public static bool Holds(string comparison, double? value, double threshold) => value is { } v && comparison.Trim() switch
    {
        "<" => v < threshold,
        "<=" => v <= threshold,
        ">" => v > threshold,
        ">=" => v >= threshold,
        _ => false,
    };
}
