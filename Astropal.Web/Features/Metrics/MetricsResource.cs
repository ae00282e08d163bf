namespace Astropal.Web.Features.Metrics;

/// <summary>The answer of <c>GET /api/ops/metrics</c>: when computed and every metric.</summary>
public sealed record MetricsResource(DateTimeOffset At, IReadOnlyList<MetricResource> Metrics);
