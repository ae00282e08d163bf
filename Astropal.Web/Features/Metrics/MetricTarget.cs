namespace Astropal.Web.Features.Metrics;

/// <summary>One metric's target and alert threshold (<c>Metrics:Targets:NAME:Target</c>, <c>:AlertThreshold</c>, <c>:Direction</c>).</summary>
public sealed class MetricTarget
{
    public double Target { get; set; }

    public double AlertThreshold { get; set; }

    public MetricDirection Direction { get; set; }

    /// <summary>
    /// Higher is better: alert below the threshold, warning below the target. Lower is better: alert above the
    /// threshold, warning above the target. Null → no data.
    /// </summary>
    public MetricState StateOf(double? value) => value switch
    {
        null => MetricState.NoData,
        var v when Direction == MetricDirection.HigherIsBetter && v < AlertThreshold => MetricState.Alert,
        var v when Direction == MetricDirection.HigherIsBetter && v < Target => MetricState.Warning,
        var v when Direction == MetricDirection.LowerIsBetter && v > AlertThreshold => MetricState.Alert,
        var v when Direction == MetricDirection.LowerIsBetter && v > Target => MetricState.Warning,
        _ => MetricState.Ok,
    };

    public MetricTarget With(double target, double alertThreshold) =>
        new() { Target = target, AlertThreshold = alertThreshold, Direction = Direction };
}
