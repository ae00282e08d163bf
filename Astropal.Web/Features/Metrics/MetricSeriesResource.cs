namespace Astropal.Web.Features.Metrics;

/// <summary>The answer of <c>GET /api/ops/metrics/{name}?from=&amp;to=</c>: the stored samples in the range, oldest first.</summary>
public sealed record MetricSeriesResource(string Name, DateTimeOffset From, DateTimeOffset To, double Target, double AlertThreshold, IReadOnlyList<MetricPoint> Points);
