using Astropal.Web.Features.Metrics;
using Astropal.Web.Features.Status;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Alerts;

/// <summary>
/// The rules in force: the defaults (one per launch metric, named after it and comparing against its alert threshold,
/// plus the launch plan's three alerts) merged with <c>Alerts:Rules</c>. Validated at startup by <see cref="AlertsOptionsValidator"/>.
/// </summary>
public sealed class AlertRules(IOptionsMonitor<AlertsOptions> options, IOptionsMonitor<MetricTargetsOptions> targets)
{
    public const string BetaUserRegistrationFailed = "beta-user-registration-failed";
    public const string ContentGenerationFailed = "content-generation-failed";
    public const string EmailDeliveryIssues = "email-delivery-issues";

    /// <summary>The rules in force, defaults first (in metric order), then the added ones by name.</summary>
    public IReadOnlyList<AlertRule> All()
    {
        var (rules, _) = Build(options.CurrentValue, targets.CurrentValue);
        return rules;
    }

    public AlertRule? Find(string name) => All().FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The default rules (before <c>Alerts:Rules</c>), with runbook links under <paramref name="runbookBase"/>.</summary>
    public static IReadOnlyList<AlertRule> Defaults(MetricTargetsOptions targets, string runbookBase)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var byName = targets.ByName();
        var perMetric = MetricDefinition.All.Select(d => new AlertRule(
            d.Name,
            d.Name,
            byName[d.Name].Direction == MetricDirection.HigherIsBetter ? "<" : ">",
            null,
            TimeSpan.Zero,
            DefaultSeverity(d.Name),
            RunbookOf(runbookBase, MetricRunbook(d.Name)),
            null,
            $"{d.Title} past its alert threshold (Metrics:Targets).") { Component = DefaultComponent(d.Name) });
        AlertRule[] launchPlan =
        [
            new(BetaUserRegistrationFailed, MetricNames.UserRegistrations, "<", 4, TimeSpan.FromHours(1), AlertSeverity.High,
                RunbookOf(runbookBase, BetaUserRegistrationFailed), null, "Check registration logs") { Component = StatusComponentKeys.SignUp },
            new(ContentGenerationFailed, MetricNames.ContentGenerationFailures, ">", 0, TimeSpan.Zero, AlertSeverity.Critical,
                RunbookOf(runbookBase, ContentGenerationFailed), null, "Check LLM API status") { Component = StatusComponentKeys.ContentGeneration },
            new(EmailDeliveryIssues, MetricNames.EmailDeliveryRate, "<", 0.95, TimeSpan.Zero, AlertSeverity.High,
                RunbookOf(runbookBase, EmailDeliveryIssues), null, "Check Resend status") { Component = StatusComponentKeys.EmailDelivery },
        ];
        return [.. perMetric, .. launchPlan];
    }

    /// <summary>The merged rules and every problem with the configuration (empty when valid).</summary>
    public static (IReadOnlyList<AlertRule> Rules, IReadOnlyList<string> Problems) Build(AlertsOptions options, MetricTargetsOptions targets)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        var rules = Defaults(targets, options.RunbookBaseUrl).ToList();
        foreach (var (name, entry) in options.Rules.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var key = $"Alerts:Rules:{name}";
            var index = rules.FindIndex(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));
            if (entry.Enabled == false)
            {
                if (index >= 0)
                {
                    rules.RemoveAt(index);
                }

                continue;
            }

            var before = problems.Count;
            if (entry.Metric is not null && MetricDefinition.Find(entry.Metric) is null)
            {
                problems.Add($"{key}:Metric '{entry.Metric}' is not a launch metric; use one of {string.Join(", ", MetricDefinition.All.Select(d => d.Name))}.");
            }

            if (entry.Comparison is not null && !AlertComparison.IsValid(entry.Comparison))
            {
                problems.Add($"{key}:Comparison '{entry.Comparison}' is not valid; use one of {string.Join(" ", AlertComparison.All)}.");
            }

            if (entry.Severity is not null && !AlertSeverity.IsValid(entry.Severity))
            {
                problems.Add($"{key}:Severity '{entry.Severity}' is not valid; use critical, high, medium or low.");
            }

            if (entry.Duration is { } duration && duration < TimeSpan.Zero)
            {
                problems.Add($"{key}:Duration must not be negative (00:00:00 fires at the first evaluation past the threshold).");
            }

            if (entry.RepeatEvery is { } repeat && repeat < TimeSpan.Zero)
            {
                problems.Add($"{key}:RepeatEvery must not be negative (leave it unset for no reminders).");
            }

            if (!string.IsNullOrWhiteSpace(entry.Component) && !StatusComponentKeys.All.Contains(entry.Component.Trim(), StringComparer.OrdinalIgnoreCase))
            {
                problems.Add($"{key}:Component '{entry.Component}' is not a status component; use one of {string.Join(", ", StatusComponentKeys.All)} (or empty for none).");
            }

            if (entry.Threshold is { } threshold && !double.IsFinite(threshold))
            {
                problems.Add($"{key}:Threshold must be a number.");
            }

            if (index < 0)
            {
                var missing = new[] { (entry.Metric, "Metric"), (entry.Comparison, "Comparison"), (entry.Threshold?.ToString(System.Globalization.CultureInfo.InvariantCulture), "Threshold") }
                    .Where(f => string.IsNullOrWhiteSpace(f.Item1)).Select(f => f.Item2).ToList();
                if (missing.Count > 0)
                {
                    problems.Add($"{key} is not a default rule, so it is a new rule and needs {string.Join(", ", missing)} (default rules: {string.Join(", ", Defaults(targets, "").Select(r => r.Name))}).");
                }

                if (name.Length > 64)
                {
                    problems.Add($"{key}: a rule name has at most 64 characters.");
                }
            }

            if (problems.Count > before)
            {
                continue;
            }

            var baseRule = index >= 0
                ? rules[index]
                : new AlertRule(name, "", "", null, TimeSpan.Zero, AlertSeverity.Medium, RunbookOf(options.RunbookBaseUrl, name), null, null);
            var rule = baseRule with
            {
                Metric = entry.Metric is null ? baseRule.Metric : MetricDefinition.Find(entry.Metric)!.Name,
                Comparison = entry.Comparison?.Trim() ?? baseRule.Comparison,
                Threshold = entry.Threshold ?? baseRule.Threshold,
                Duration = entry.Duration ?? baseRule.Duration,
                Severity = entry.Severity?.Trim().ToLowerInvariant() ?? baseRule.Severity,
                Runbook = string.IsNullOrWhiteSpace(entry.Runbook) ? baseRule.Runbook : entry.Runbook.Trim(),
                RepeatEvery = entry.RepeatEvery is null ? baseRule.RepeatEvery : entry.RepeatEvery == TimeSpan.Zero ? null : entry.RepeatEvery,
                Description = entry.Description ?? baseRule.Description,
                Component = entry.Component is null
                    ? baseRule.Component
                    : string.IsNullOrWhiteSpace(entry.Component) ? null : StatusComponentKeys.All.First(k => string.Equals(k, entry.Component.Trim(), StringComparison.OrdinalIgnoreCase)),
            };
            if (index >= 0)
            {
                rules[index] = rule;
            }
            else
            {
                rules.Add(rule);
            }
        }

        return (rules, problems);
    }

    /// <summary>The status component a default per-metric rule watches (its alerts are suppressed during that component's maintenance).</summary>
    public static string? DefaultComponent(string metric) => metric switch
    {
        MetricNames.EmailDeliveryRate or MetricNames.EmailOpenRate => StatusComponentKeys.EmailDelivery,
        MetricNames.ContentGenerationFailures or MetricNames.CostDailyTotal or MetricNames.LlmTokensDaily => StatusComponentKeys.ContentGeneration,
        MetricNames.ApiErrorRate or MetricNames.ApiResponseP95 => StatusComponentKeys.Website,
        MetricNames.UserRegistrations => StatusComponentKeys.SignUp,
        _ => null,
    };

    private static string DefaultSeverity(string metric) => metric switch
    {
        MetricNames.ContentGenerationFailures => AlertSeverity.Critical,
        MetricNames.CostDailyTotal or MetricNames.LlmTokensDaily or MetricNames.EmailDeliveryRate or MetricNames.ApiErrorRate => AlertSeverity.High,
        MetricNames.EmailOpenRate => AlertSeverity.Low,
        _ => AlertSeverity.Medium,
    };

    /// <summary>The per-metric rules share the launch plan's runbooks where one fits; the others link the metrics runbook.</summary>
    private static string MetricRunbook(string metric) => metric switch
    {
        MetricNames.UserRegistrations => BetaUserRegistrationFailed,
        MetricNames.ContentGenerationFailures => ContentGenerationFailed,
        MetricNames.EmailDeliveryRate => EmailDeliveryIssues,
        _ => "launch-metrics",
    };

    /// <summary>
    /// The console's rendering of the runbook (<c>/ops/runbooks/NAME</c>, made absolute with <c>Brand:SiteUrl</c> in alert
    /// messages), or with <c>Alerts:RunbookBaseUrl</c> set, that prefix + the repository path <c>docs/runbooks/NAME.md</c>.
    /// </summary>
    private static string RunbookOf(string? baseUrl, string name) =>
        string.IsNullOrEmpty(baseUrl) ? $"{RunbookPathPrefix}{name}" : baseUrl + $"docs/runbooks/{name}.md";

    /// <summary>Where the console shows a runbook: this prefix + its name (the file name without <c>.md</c>).</summary>
    public const string RunbookPathPrefix = "/ops/runbooks/";
}
