using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Astropal.Web.Features.Metrics;

/// <summary><c>GET /api/ops/metrics</c> and <c>GET /api/ops/metrics/{name}?from=&amp;to=</c> on the operator API group.</summary>
public static class MetricsEndpoints
{
    /// <summary>Adds the endpoints to the operator API group (key authentication, console policy, per-call audit).</summary>
    public static RouteGroupBuilder MapMetricsApi(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/metrics", CurrentAsync).WithName("GetMetrics")
            .WithSummary("Every launch metric computed now: value, target, alert threshold, direction and state (ok, warning, alert, no-data).");
        group.MapGet("/metrics/{name}", SeriesAsync).WithName("GetMetricSeries")
            .WithSummary("One metric's stored samples with from ≤ at < to (ISO 8601; default the last 24 hours): minute samples, hourly after 7 days.");
        return group;
    }

    private static async Task<Ok<MetricsResource>> CurrentAsync(MetricsReport report, TimeProvider clock, CancellationToken cancellationToken)
    {
        var readings = await report.CurrentAsync(cancellationToken);
        return TypedResults.Ok(new MetricsResource(clock.GetUtcNow(), readings.Select(MetricResource.From).ToList()));
    }

    private static async Task<Results<Ok<MetricSeriesResource>, ProblemHttpResult>> SeriesAsync(
        string name, MetricsReport report, TimeProvider clock, CancellationToken cancellationToken, string? from = null, string? to = null)
    {
        var definition = MetricDefinition.Find(name);
        if (definition is null)
        {
            return TypedResults.Problem(
                $"There is no metric called '{name}'. Metrics: {string.Join(", ", MetricDefinition.All.Select(d => d.Name))}.",
                statusCode: StatusCodes.Status404NotFound,
                title: "Not found");
        }

        var now = clock.GetUtcNow();
        if (!TryParse(to, now, out var end) || !TryParse(from, end.AddHours(-24), out var start))
        {
            return BadRequest("from and to must be ISO 8601 dates or times, e.g. 2026-12-01T00:00:00Z.");
        }

        if (start >= end)
        {
            return BadRequest("from must be before to.");
        }

        if (end - start > MetricsReport.MaxSeriesRange)
        {
            return BadRequest("A series covers at most 400 days.");
        }

        var points = await report.SeriesAsync(definition.Name, start, end, cancellationToken);
        var target = await report.TargetOfAsync(definition.Name, cancellationToken);
        return TypedResults.Ok(new MetricSeriesResource(definition.Name, start, end, target.Target, target.AlertThreshold, points));
    }

    private static bool TryParse(string? text, DateTimeOffset fallback, out DateTimeOffset value)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            value = fallback;
            return true;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }

    private static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad request");
}
