namespace Astropal.Core.Sky;

/// <summary>The five major aspects; the value is the aspect angle in degrees.</summary>
public enum AspectType
{
    Conjunction = 0,
    Sextile = 60,
    Square = 90,
    Trine = 120,
    Opposition = 180,
}

/// <summary>A point of a chart that can take part in an aspect: the ten bodies (same values as <see cref="Body"/>) and the angles.</summary>
public enum ChartPoint
{
    Sun,
    Moon,
    Mercury,
    Venus,
    Mars,
    Jupiter,
    Saturn,
    Uranus,
    Neptune,
    Pluto,
    Ascendant,
    Midheaven,
}

/// <summary>Conversions between <see cref="Body"/> and <see cref="ChartPoint"/>.</summary>
public static class ChartPoints
{
    /// <summary>The chart point of a body.</summary>
    public static ChartPoint ToChartPoint(this Body body) => (ChartPoint)(int)body;

    /// <summary>The body of a chart point, or null for the angles.</summary>
    public static Body? ToBody(this ChartPoint point) => point <= ChartPoint.Pluto ? (Body)(int)point : null;
}

/// <summary>A chart point's longitude (degrees) and motion (degrees/day; 0 for fixed points).</summary>
public readonly record struct PointPosition(ChartPoint Point, double Longitude, double DailyMotion)
{
    /// <summary>The position of a body.</summary>
    public static PointPosition Of(BodyPosition position) => new(position.Body.ToChartPoint(), position.Longitude, position.DailyMotion);
}

/// <summary>Orbs in degrees per aspect; <see cref="MoonBonus"/> is added when the Moon is involved.</summary>
public sealed record AspectOrbs(
    double Conjunction = 8,
    double Sextile = 4,
    double Square = 6,
    double Trine = 6,
    double Opposition = 8,
    double MoonBonus = 2)
{
    /// <summary>8/4/6/6/8°, +2° with the Moon.</summary>
    public static AspectOrbs Default { get; } = new();

    /// <summary>The orb allowed for an aspect type.</summary>
    public double For(AspectType type, bool moonInvolved) => (moonInvolved ? MoonBonus : 0) + type switch
    {
        AspectType.Conjunction => Conjunction,
        AspectType.Sextile => Sextile,
        AspectType.Square => Square,
        AspectType.Trine => Trine,
        _ => Opposition,
    };
}

/// <summary>An aspect between two chart points.</summary>
/// <param name="First">The first point (for transits: the transiting body).</param>
/// <param name="Second">The second point (for transits: the natal point).</param>
/// <param name="Type">The aspect.</param>
/// <param name="Separation">Angular distance between the points, 0…180°.</param>
/// <param name="Orb">|separation − aspect angle| in degrees.</param>
/// <param name="AllowedOrb">The orb allowed for this pair and aspect.</param>
/// <param name="IsApplying">True when the orb is shrinking (from the points' motions).</param>
/// <param name="ExactUtc">When the aspect is (or was) exact, if searched and found within the search window.</param>
public sealed record Aspect(
    ChartPoint First,
    ChartPoint Second,
    AspectType Type,
    double Separation,
    double Orb,
    double AllowedOrb,
    bool IsApplying,
    DateTimeOffset? ExactUtc)
{
    /// <summary>1 when exact, falling to 0 at the edge of the allowed orb.</summary>
    public double Tightness => AllowedOrb <= 0 ? 0 : Math.Max(0, 1 - (Orb / AllowedOrb));
}

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

/// <summary>Bracketing and root refinement on functions of the Julian Day.</summary>
internal static class RootFinder
{
    /// <summary>
    /// The first zero of <paramref name="f"/> met when walking from <paramref name="start"/> by
    /// <paramref name="step"/> days (negative: backwards) for at most <paramref name="span"/> days,
    /// refined by <see cref="Refine"/> to about 0.01 s. Sign changes across a wrap (|f| ≥ 90 on both sides) are ignored.
    /// With <paramref name="maxRate"/>, a bound of how fast f can change (units a day), the walk strides over
    /// stretches where f cannot reach zero (|f| / maxRate days) instead of stepping through them: a slow planet
    /// degrees from exactness is settled in a few evaluations instead of one a day across the window.
    /// </summary>
    public static double? FindFirstCrossing(Func<double, double> f, double start, double step, double span, double maxRate = double.PositiveInfinity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRate);
        var a = start;
        var fa = f(a);
        if (fa == 0)
        {
            return a;
        }

        var direction = Math.Sign(step);
        // As far as whole steps reach: the last step may end a little past the span.
        var end = start + (step * Math.Ceiling(span / Math.Abs(step)));
        while (direction * (end - a) > 1e-9)
        {
            var stride = Math.Max(Math.Abs(step), Math.Abs(fa) / maxRate);
            var b = direction > 0 ? Math.Min(a + stride, end) : Math.Max(a - stride, end);
            var fb = f(b);
            if (IsCrossing(fa, fb))
            {
                return Refine(f, a, fa, b, fb);
            }

            a = b;
            fa = fb;
        }

        return null;
    }

    public static bool IsCrossing(double fa, double fb) =>
        (fa <= 0 && fb > 0 || fa >= 0 && fb < 0) && Math.Abs(fa) < 90 && Math.Abs(fb) < 90;

    /// <summary>
    /// The zero of <paramref name="f"/> between <paramref name="a"/> and <paramref name="b"/> (where it changes sign) to
    /// within 1e-7 day (about 0.01 s), by false position with the Illinois modification: each step cuts the bracket
    /// where the straight line between its ends meets zero, and an end that stays put twice has its value halved, so
    /// both ends close in. On these smooth functions it needs about 6 evaluations where halving needs 23. A step
    /// that would not shrink the bracket falls back to halving it.
    /// </summary>
    public static double Refine(Func<double, double> f, double a, double fa, double b, double fb)
    {
        const double tolerance = 1e-7;
        if (fb == 0)
        {
            return b;
        }

        var kept = 0; // +1: a stayed put last step, −1: b did
        for (var i = 0; i < 100 && Math.Abs(b - a) > tolerance; i++)
        {
            var c = b - (fb * (b - a) / (fb - fa));
            var lo = Math.Min(a, b);
            var hi = Math.Max(a, b);
            if (!(c > lo && c < hi) || i % 8 == 7)
            {
                c = 0.5 * (a + b); // safeguard (and a halving every eighth step, so the bracket always shrinks)
            }

            var fc = f(c);
            if (fc == 0)
            {
                return c;
            }

            if (fc < 0 == fb < 0)
            {
                // c replaces b; a stays put.
                b = c;
                fb = fc;
                if (kept == 1)
                {
                    fa *= 0.5;
                }

                kept = 1;
            }
            else
            {
                // c replaces a; b stays put.
                a = c;
                fa = fc;
                if (kept == -1)
                {
                    fb *= 0.5;
                }

                kept = -1;
            }
        }

        return 0.5 * (a + b);
    }

    public static DateTimeOffset ToSecond(double julianDayUt)
    {
        var instant = AstroTime.FromJulianDay(julianDayUt);
        var ticks = (long)Math.Round(instant.UtcTicks / (double)TimeSpan.TicksPerSecond) * TimeSpan.TicksPerSecond;
        return new DateTimeOffset(ticks, TimeSpan.Zero);
    }
}
