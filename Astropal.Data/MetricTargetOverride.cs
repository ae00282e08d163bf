namespace Astropal.Data;

/// <summary>
/// A target and alert threshold an Admin set in the console for one launch metric; it wins over the
/// <c>Metrics:Targets</c> configuration. One row per metric.
/// </summary>
public sealed class MetricTargetOverride
{
    public long Id { get; set; }

    public required string Metric { get; set; }

    public double Target { get; set; }

    public double AlertThreshold { get; set; }

    /// <summary>The Admin's email.</summary>
    public required string ChangedBy { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
}
