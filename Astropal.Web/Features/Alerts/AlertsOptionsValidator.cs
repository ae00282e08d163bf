using Astropal.Web.Features.Metrics;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Alerts;

/// <summary>Validates <c>Alerts</c> at startup: the interval, ResolveAfter and every <c>Alerts:Rules</c> entry, with a message per problem.</summary>
public sealed class AlertsOptionsValidator(IOptions<MetricTargetsOptions> targets) : IValidateOptions<AlertsOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (options.EvaluationInterval < AlertsOptions.MinEvaluationInterval)
        {
            problems.Add($"Alerts:EvaluationInterval must be at least 00:00:05 (was {options.EvaluationInterval}).");
        }

        if (options.ResolveAfter < 1)
        {
            problems.Add($"Alerts:ResolveAfter must be at least 1 evaluation (was {options.ResolveAfter}).");
        }

        if (!string.IsNullOrEmpty(options.RunbookBaseUrl) && !options.RunbookBaseUrl.EndsWith('/'))
        {
            problems.Add("Alerts:RunbookBaseUrl must end with '/' (the runbook path docs/runbooks/NAME.md is appended).");
        }

        problems.AddRange(AlertRules.Build(options, targets.Value).Problems);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
