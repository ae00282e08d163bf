using System.Globalization;

namespace Astropal.Web.Features.Metrics;

/// <summary>
/// The fixed upper bounds (ms) of the request duration histogram. Every instance uses the same bounds, so the
/// minutes of several instances are summed bucket by bucket and the p95 read off the sum.
/// </summary>
public static class RequestDurationBuckets
{
    /// <summary>Upper bounds in milliseconds; one more bucket holds everything above the last.</summary>
    public static IReadOnlyList<double> UpperBoundsMs { get; } = [5, 10, 25, 50, 75, 100, 150, 200, 250, 300, 400, 500, 750, 1000, 2000, 5000, 10000];

    /// <summary>How many counters a histogram has (the bounds and the overflow).</summary>
    public static int Count => UpperBoundsMs.Count + 1;

    public static int IndexOf(double milliseconds)
    {
        for (var i = 0; i < UpperBoundsMs.Count; i++)
        {
            if (milliseconds <= UpperBoundsMs[i])
            {
                return i;
            }
        }

        return UpperBoundsMs.Count;
    }

    public static string Format(IReadOnlyList<long> counts) => string.Join(',', counts.Select(c => c.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Parses a stored histogram; a row written with fewer buckets is padded with zeros.</summary>
    public static long[] Parse(string? stored)
    {
        var counts = new long[Count];
        if (string.IsNullOrEmpty(stored))
        {
            return counts;
        }

        var parts = stored.Split(',');
        for (var i = 0; i < Math.Min(parts.Length, counts.Length); i++)
        {
            counts[i] = long.Parse(parts[i], CultureInfo.InvariantCulture);
        }

        return counts;
    }

    /// <summary>
    /// The upper bound of the bucket in which the 95th percentile falls (the last bound for the overflow bucket),
    /// or null when there were no requests.
    /// </summary>
    public static double? P95(IReadOnlyList<long> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var total = counts.Sum();
        if (total == 0)
        {
            return null;
        }

        var rank = (long)Math.Ceiling(total * 0.95);
        long seen = 0;
        for (var i = 0; i < counts.Count; i++)
        {
            seen += counts[i];
            if (seen >= rank)
            {
                return i < UpperBoundsMs.Count ? UpperBoundsMs[i] : UpperBoundsMs[^1];
            }
        }

        return UpperBoundsMs[^1];
    }
}
