namespace Astropal.Web.Features.Metrics;

/// <summary>One metric now: its value against its effective target and alert threshold.</summary>
public sealed record MetricReading(MetricDefinition Definition, double? Value, MetricTarget Target, MetricState State);
