using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Metrics;

/// <summary>Every target is a finite number and its alert threshold is not on the good side of it.</summary>
public sealed class MetricTargetsValidator : IValidateOptions<MetricTargetsOptions>
{
    public ValidateOptionsResult Validate(string? name, MetricTargetsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.ByName()
            .Select(kv => Check(kv.Key, kv.Value.Target, kv.Value.AlertThreshold, kv.Value.Direction))
            .OfType<string>()
            .Select(e => "Metrics:Targets:" + e)
            .ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Why this target and threshold are not usable, or null (shared with the console's edit).</summary>
    public static string? Check(string metric, double target, double alertThreshold, MetricDirection direction)
    {
        if (!double.IsFinite(target) || !double.IsFinite(alertThreshold))
        {
            return $"{metric}: Target and AlertThreshold must be numbers.";
        }

        if (target < 0 || alertThreshold < 0)
        {
            return $"{metric}: Target and AlertThreshold cannot be negative.";
        }

        return direction switch
        {
            MetricDirection.HigherIsBetter when alertThreshold > target =>
                $"{metric}: higher is better, so AlertThreshold ({alertThreshold}) cannot be above Target ({target}).",
            MetricDirection.LowerIsBetter when alertThreshold < target =>
                $"{metric}: lower is better, so AlertThreshold ({alertThreshold}) cannot be below Target ({target}).",
            _ => null,
        };
    }
}
