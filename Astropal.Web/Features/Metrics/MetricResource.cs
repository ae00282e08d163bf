namespace Astropal.Web.Features.Metrics;

/// <summary>One metric as <c>GET /api/ops/metrics</c> answers it. State: <c>ok</c>, <c>warning</c>, <c>alert</c> or <c>no-data</c>.</summary>
public sealed record MetricResource(
    string Name, string Title, string Unit, double? Value, double Target, double AlertThreshold, string Direction, string State)
{
    public static MetricResource From(MetricReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        return new(
            reading.Definition.Name,
            reading.Definition.Title,
            reading.Definition.Unit,
            reading.Value,
            reading.Target.Target,
            reading.Target.AlertThreshold,
            reading.Target.Direction == MetricDirection.HigherIsBetter ? "higher-is-better" : "lower-is-better",
            StateName(reading.State));
    }

    public static string StateName(MetricState state) => state switch
    {
        MetricState.Ok => "ok",
        MetricState.Warning => "warning",
        MetricState.Alert => "alert",
        _ => "no-data",
    };
}
