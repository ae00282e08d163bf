using System.Globalization;

namespace Astropal.Web.Features.Metrics;

/// <summary>How the console writes a metric's value in its unit.</summary>
public static class MetricFormat
{
    public static string Value(string unit, double? value) => value is not { } v
        ? "no data"
        : unit switch
        {
            "ratio" => v.ToString("P1", CultureInfo.InvariantCulture),
            "ms" => v.ToString("N0", CultureInfo.InvariantCulture) + " ms",
            "usd" => "$" + v.ToString("N2", CultureInfo.InvariantCulture),
            _ => v.ToString("N0", CultureInfo.InvariantCulture),
        };
}
