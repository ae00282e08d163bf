namespace Astropal.Web.Features.Metrics;

/// <summary>Which way a metric is good.</summary>
public enum MetricDirection
{
    HigherIsBetter,
    LowerIsBetter,
}
