namespace Astropal.Core.Sky;

/// <summary>Finds aspects between chart points and the instants at which they are exact.</summary>
public sealed class AspectFinder
{
    private static readonly AspectType[] Types = Enum.GetValues<AspectType>();

    /// <summary>
    /// The tightest aspect between two points within the orbs, or null. Pure function of its inputs.
    /// </summary>
    public static Aspect? Match(PointPosition first, PointPosition second, AspectOrbs orbs)
    {
        ArgumentNullException.ThrowIfNull(orbs);
        var signed = Angle.Wrap180(second.Longitude - first.Longitude);
        var separation = Math.Abs(signed);
        var moon = first.Point == ChartPoint.Moon || second.Point == ChartPoint.Moon;
        Aspect? best = null;
        foreach (var type in Types)
        {
            var deviation = separation - (int)type;
            var allowed = orbs.For(type, moon);
            if (Math.Abs(deviation) <= allowed && (best is null || Math.Abs(deviation) < best.Orb))
            {
                // d(separation)/dt has the sign of the signed separation times the relative motion.
                var separationRate = (signed >= 0 ? 1 : -1) * (second.DailyMotion - first.DailyMotion);
                var applying = deviation * separationRate < 0;
                best = new Aspect(first.Point, second.Point, type, separation, Math.Abs(deviation), allowed, applying, null);
            }
        }

        return best;
    }

    /// <summary>All aspects among a set of points (each pair once, in list order). Pure function of its inputs.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Instance API of an injected service.")]
    public IReadOnlyList<Aspect> Find(IReadOnlyList<PointPosition> points, AspectOrbs? orbs = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        orbs ??= AspectOrbs.Default;
        var result = new List<Aspect>();
        for (var i = 0; i < points.Count; i++)
        {
            for (var j = i + 1; j < points.Count; j++)
            {
                if (Match(points[i], points[j], orbs) is { } aspect)
                {
                    result.Add(aspect);
                }
            }
        }

        return result;
    }

    /// <summary>
    /// Aspects among the bodies of a sky, with the instant each is exact when that falls within
    /// <paramref name="searchWindow"/> (default 30 days) before (separating) or after (applying) the snapshot.
    /// </summary>
    public IReadOnlyList<Aspect> Find(SkySnapshot sky, AspectOrbs? orbs = null, TimeSpan? searchWindow = null)
    {
        ArgumentNullException.ThrowIfNull(sky);
        var aspects = Find(sky.Positions.Select(PointPosition.Of).ToList(), orbs);
        var window = searchWindow ?? TimeSpan.FromDays(30);
        return aspects
            .Select(a => a with { ExactUtc = ExactInstant(a, sky.JulianDayUt, null, window) })
            .ToList();
    }

    /// <summary>
    /// The instant (UT, to the second) when an aspect between a moving body and a second point is exact,
    /// searching forward when applying and backward when separating, within <paramref name="window"/>.
    /// The second point moves too when it is a body and <paramref name="fixedSecondLongitude"/> is null;
    /// otherwise it stays at that longitude (natal points).
    /// </summary>
    internal static DateTimeOffset? ExactInstant(Aspect aspect, double julianDayUt, double? fixedSecondLongitude, TimeSpan window)
    {
        if (aspect.First.ToBody() is not { } first)
        {
            return null;
        }

        var second = fixedSecondLongitude is null ? aspect.Second.ToBody() : null;
        if (fixedSecondLongitude is null && second is null)
        {
            return null;
        }

        double Deviation(double jd)
        {
            EphemerisCore.ComputeBody(first, jd, out var a);
            double lonB;
            if (second is { } b)
            {
                EphemerisCore.ComputeBody(b, jd, out var state);
                lonB = state.Longitude;
            }
            else
            {
                lonB = fixedSecondLongitude!.Value;
            }

            var signed = Angle.Wrap180(lonB - a.Longitude);
            return aspect.Type switch
            {
                AspectType.Conjunction => signed,
                AspectType.Opposition => Angle.Wrap180(signed - 180),
                _ => Math.Abs(signed) - (int)aspect.Type,
            };
        }

        var fast = first == Body.Moon || second == Body.Moon;
        var step = (aspect.IsApplying ? 1 : -1) * (fast ? 0.25 : 1.0);
        // The deviation changes no faster than the two bodies move together.
        var maxRate = first.MaxDailyMotion() + (second?.MaxDailyMotion() ?? 0);
        var root = RootFinder.FindFirstCrossing(Deviation, julianDayUt, step, window.TotalDays, maxRate);
        return root is { } jdRoot ? RootFinder.ToSecond(jdRoot) : null;
    }
}
