using System.Globalization;
using MudBlazor;

namespace Astropal.Web.Features.Metrics;

/// <summary>A chart of one metric over a range: the samples averaged into bins, with flat target and alert lines.</summary>
public sealed record MetricChart(string[] Labels, List<ChartSeries<double>> Series)
{
    /// <summary>24 hours in 96 bins of 15 minutes, or 7 days in 84 bins of 2 hours; a label every few bins.</summary>
    public static MetricChart Build(IReadOnlyList<MetricPoint> points, MetricTarget target, DateTimeOffset to, bool week)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(target);
        var bin = week ? TimeSpan.FromHours(2) : TimeSpan.FromMinutes(15);
        var count = week ? 84 : 96;
        var labelEvery = week ? 12 : 16;
        var from = to - (bin * count);
        var values = new double?[count];
        foreach (var group in points.Where(p => p.Value.HasValue && p.At >= from && p.At < to).GroupBy(p => (int)((p.At - from) / bin)))
        {
            values[Math.Clamp(group.Key, 0, count - 1)] = group.Average(p => p.Value!.Value);
        }

        var labels = Enumerable.Range(0, count)
            .Select(i => i % labelEvery == 0
                ? (from + (bin * i)).UtcDateTime.ToString(week ? "ddd HH:mm" : "HH:mm", CultureInfo.InvariantCulture)
                : "")
            .ToArray();
        var series = new List<ChartSeries<double>>
        {
            new() { Name = "Value", Data = new ChartData<double>(values) },
            new() { Name = "Target", Data = new ChartData<double>(Enumerable.Repeat(target.Target, count).ToList()) },
            new() { Name = "Alert", Data = new ChartData<double>(Enumerable.Repeat(target.AlertThreshold, count).ToList()) },
        };
        return new MetricChart(labels, series);
    }
}
