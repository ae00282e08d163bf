namespace Astropal.Web.Features.Metrics;

/// <summary>A metric against its target: ok, warning (past the target), alert (past the alert threshold) or no data.</summary>
public enum MetricState
{
    NoData,
    Ok,
    Warning,
    Alert,
}
