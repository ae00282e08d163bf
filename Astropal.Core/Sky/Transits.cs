namespace Astropal.Core.Sky;

/// <summary>An aspect from a body in the current sky to a point of a natal chart.</summary>
/// <param name="Aspect">The aspect: <see cref="Aspect.First"/> is the transiting body, <see cref="Aspect.Second"/> the natal point.</param>
/// <param name="TransitLongitude">The transiting body's longitude.</param>
/// <param name="NatalLongitude">The natal point's longitude.</param>
/// <param name="Score">Rank score from <see cref="TransitRanking.Score"/>; higher is more important.</param>
public sealed record Transit(Aspect Aspect, double TransitLongitude, double NatalLongitude, double Score)
{
    /// <summary>The transiting body.</summary>
    public Body TransitingBody => Aspect.First.ToBody() ?? Body.Sun;

    /// <summary>The natal point aspected.</summary>
    public ChartPoint NatalPoint => Aspect.Second;
}

/// <summary>
/// Weights for ranking transits. Later code re-weights by the reader's focus areas (SPEC §4 planet
/// emphasis) by passing modified copies, e.g. <c>weights.WithBody(Body.Venus, 1.5)</c>.
/// </summary>
/// <param name="TransitingBody">Weight per transiting body, indexed by <see cref="Body"/>.</param>
/// <param name="NatalPoint">Weight per natal point, indexed by <see cref="ChartPoint"/>.</param>
/// <param name="AspectWeight">Weight per aspect, in the order conjunction, sextile, square, trine, opposition.</param>
public sealed record TransitWeights(
    IReadOnlyList<double> TransitingBody,
    IReadOnlyList<double> NatalPoint,
    IReadOnlyList<double> AspectWeight)
{
    /// <summary>
    /// Slow bodies weigh more as transiters (their transits last and mark periods); the personal points
    /// (Sun, Moon, angles) weigh most as natal targets; hard aspects and conjunctions weigh more than soft ones.
    /// </summary>
    public static TransitWeights Default { get; } = new(
        [1.0, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.1, 1.0, 1.0],
        [1.2, 1.1, 0.9, 0.9, 0.9, 0.7, 0.7, 0.5, 0.5, 0.5, 1.1, 1.0],
        [1.0, 0.6, 0.85, 0.75, 0.9]);

    /// <summary>A copy with one transiting body's weight replaced.</summary>
    public TransitWeights WithBody(Body body, double weight) =>
        this with { TransitingBody = TransitingBody.Select((w, i) => i == (int)body ? weight : w).ToArray() };

    /// <summary>A copy with one natal point's weight replaced.</summary>
    public TransitWeights WithNatalPoint(ChartPoint point, double weight) =>
        this with { NatalPoint = NatalPoint.Select((w, i) => i == (int)point ? weight : w).ToArray() };

    internal double ForAspect(AspectType type) => AspectWeight[type switch
    {
        AspectType.Conjunction => 0,
        AspectType.Sextile => 1,
        AspectType.Square => 2,
        AspectType.Trine => 3,
        _ => 4,
    }];
}

/// <summary>Pure ranking of transits: weights × tightness, with a small bonus for applying aspects.</summary>
public static class TransitRanking
{
    /// <summary>
    /// <c>w(body) × w(natal point) × w(aspect) × (0.25 + 0.75 × tightness) × (applying ? 1.1 : 1)</c>,
    /// tightness being 1 − orb / allowed orb.
    /// </summary>
    public static double Score(Aspect aspect, TransitWeights weights)
    {
        ArgumentNullException.ThrowIfNull(aspect);
        ArgumentNullException.ThrowIfNull(weights);
        var body = weights.TransitingBody[(int)aspect.First % Bodies.Count];
        var natal = weights.NatalPoint[(int)aspect.Second];
        return body * natal * weights.ForAspect(aspect.Type) * (0.25 + (0.75 * aspect.Tightness)) * (aspect.IsApplying ? 1.1 : 1.0);
    }

    /// <summary>Re-scores and orders transits, best first (ties: tighter orb first).</summary>
    public static IReadOnlyList<Transit> Rank(IEnumerable<Transit> transits, TransitWeights weights) =>
        transits
            .Select(t => t with { Score = Score(t.Aspect, weights) })
            .OrderByDescending(t => t.Score)
            .ThenBy(t => t.Aspect.Orb)
            .ToList();
}

/// <summary>Finds the transits of the sky at an instant (or on a day) to a natal chart.</summary>
public sealed class TransitFinder(Ephemeris ephemeris)
{
    /// <summary>
    /// Transits at an instant, ranked with <paramref name="weights"/> (default <see cref="TransitWeights.Default"/>),
    /// each with its exact instant when within <paramref name="searchWindow"/> (default 30 days).
    /// </summary>
    public IReadOnlyList<Transit> Find(
        NatalChart natal,
        DateTimeOffset utc,
        AspectOrbs? orbs = null,
        TransitWeights? weights = null,
        TimeSpan? searchWindow = null) =>
        Find(natal, utc, exactInstants: true, orbs, weights, searchWindow);

    /// <summary>
    /// As <see cref="Find(NatalChart, DateTimeOffset, AspectOrbs?, TransitWeights?, TimeSpan?)"/>; without
    /// <paramref name="exactInstants"/> the (costly) exact instants are left null, for callers that rank first
    /// and then fill in only the transits they keep with <see cref="WithExactInstants(IReadOnlyList{Transit}, SkySnapshot, TimeSpan?)"/>. Ranking does not use them.
    /// </summary>
    public IReadOnlyList<Transit> Find(
        NatalChart natal,
        DateTimeOffset utc,
        bool exactInstants,
        AspectOrbs? orbs = null,
        TransitWeights? weights = null,
        TimeSpan? searchWindow = null)
        => Find(natal, ephemeris.Compute(utc), exactInstants, orbs, weights, searchWindow);

    /// <summary>
    /// As <see cref="Find(NatalChart, DateTimeOffset, bool, AspectOrbs?, TransitWeights?, TimeSpan?)"/> on a sky already
    /// computed (e.g. a day's noon sky, shared by every reader in the zone that day).
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Instance API of an injected service.")]
    public IReadOnlyList<Transit> Find(
        NatalChart natal,
        SkySnapshot sky,
        bool exactInstants,
        AspectOrbs? orbs = null,
        TransitWeights? weights = null,
        TimeSpan? searchWindow = null)
    {
        ArgumentNullException.ThrowIfNull(natal);
        ArgumentNullException.ThrowIfNull(sky);
        orbs ??= AspectOrbs.Default;
        weights ??= TransitWeights.Default;
        var window = searchWindow ?? TimeSpan.FromDays(30);
        var natalPoints = natal.Points().Select(p => p with { DailyMotion = 0 }).ToList();
        var transits = new List<Transit>();
        foreach (var position in sky.Positions)
        {
            var moving = PointPosition.Of(position);
            foreach (var point in natalPoints)
            {
                if (AspectFinder.Match(moving, point, orbs) is not { } aspect)
                {
                    continue;
                }

                if (exactInstants)
                {
                    aspect = aspect with { ExactUtc = ExactInstant(aspect, position.Body, sky.JulianDayUt, point.Longitude, window) };
                }

                transits.Add(new Transit(aspect, position.Longitude, point.Longitude, 0));
            }
        }

        return TransitRanking.Rank(transits, weights);
    }

    /// <summary>The given transits (found at <paramref name="utc"/> without exact instants) with their exact instants, as <see cref="Find(NatalChart, DateTimeOffset, AspectOrbs?, TransitWeights?, TimeSpan?)"/> computes them.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Instance API of an injected service.")]
    public IReadOnlyList<Transit> WithExactInstants(IReadOnlyList<Transit> transits, DateTimeOffset utc, TimeSpan? searchWindow = null) =>
        WithExactInstants(transits, AstroTime.JulianDay(utc), searchWindow);

    /// <summary>As <see cref="WithExactInstants(IReadOnlyList{Transit}, DateTimeOffset, TimeSpan?)"/> for transits found in <paramref name="sky"/>.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Instance API of an injected service.")]
    public IReadOnlyList<Transit> WithExactInstants(IReadOnlyList<Transit> transits, SkySnapshot sky, TimeSpan? searchWindow = null)
    {
        ArgumentNullException.ThrowIfNull(sky);
        return WithExactInstants(transits, sky.JulianDayUt, searchWindow);
    }

    private static IReadOnlyList<Transit> WithExactInstants(IReadOnlyList<Transit> transits, double julianDayUt, TimeSpan? searchWindow)
    {
        ArgumentNullException.ThrowIfNull(transits);
        if (transits.Count == 0)
        {
            return transits;
        }

        var window = searchWindow ?? TimeSpan.FromDays(30);
        return transits
            .Select(t => t with { Aspect = t.Aspect with { ExactUtc = ExactInstant(t.Aspect, t.TransitingBody, julianDayUt, t.NatalLongitude, window) } })
            .ToList();
    }

    // The Moon crosses an orb in a day or two; slow bodies may take months.
    private static DateTimeOffset? ExactInstant(Aspect aspect, Body body, double julianDayUt, double natalLongitude, TimeSpan window) =>
        AspectFinder.ExactInstant(aspect, julianDayUt, natalLongitude, body == Body.Moon ? TimeSpan.FromDays(Math.Min(3, window.TotalDays)) : window);

    /// <summary>Transits of a UTC calendar day, taken at 12:00 UTC.</summary>
    public IReadOnlyList<Transit> FindForDay(NatalChart natal, DateOnly dayUtc, AspectOrbs? orbs = null, TransitWeights? weights = null) =>
        Find(natal, new DateTimeOffset(dayUtc, new TimeOnly(12, 0), TimeSpan.Zero), orbs, weights);
}
