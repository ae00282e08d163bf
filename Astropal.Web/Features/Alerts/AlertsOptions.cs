namespace Astropal.Web.Features.Alerts;

/// <summary>
/// The <c>Alerts</c> section as the evaluator reads it. <c>Alerts:Channels</c> belongs to the channels feature and is
/// deliberately not declared here (the binder ignores keys it does not know).
/// </summary>
public sealed class AlertsOptions
{
    public const string SectionName = "Alerts";

    public static readonly TimeSpan MinEvaluationInterval = TimeSpan.FromSeconds(5);

    /// <summary>How often the rules are evaluated (at least 00:00:05).</summary>
    public TimeSpan EvaluationInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Consecutive evaluations with the condition false after which a firing episode resolves.</summary>
    public int ResolveAfter { get; set; } = 3;

    /// <summary>Overrides of the default rules and extra rules, by rule name.</summary>
    public Dictionary<string, AlertRuleOptions> Rules { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Prefix of the default rules' runbook links (e.g. <c>https://github.com/astropal/astropal/blob/main/</c>); empty:
    /// the links are the repository-relative paths <c>docs/runbooks/NAME.md</c>.
    /// </summary>
    public string RunbookBaseUrl { get; set; } = "";
}
