using Astropal.Core.Readers;
using Astropal.Core.Sky;

namespace Astropal.Core.Content;

/// <summary>
/// Ranks a reader's transits by their focus areas (SPEC §4): a transit whose transiting body or natal
/// point is one the area emphasises gains that area's weight (50/30/20 % in the reader's order).
/// </summary>
public static class FocusRanking
{
    public static IReadOnlyList<double> Weights { get; } = [0.5, 0.3, 0.2];

    /// <summary>The body whose sign the guidance for an area cites first.</summary>
    public static Body LeadBody(FocusAreaId area) => area switch
    {
        FocusAreaId.Relationships => Body.Venus,
        FocusAreaId.Career => Body.Mars,
        FocusAreaId.Wellness => Body.Moon,
        FocusAreaId.Social => Body.Mercury,
        FocusAreaId.Spiritual => Body.Neptune,
        _ => Body.Sun,
    };

    /// <summary>Whether an area emphasises a transit (houses count only when the natal chart has them).</summary>
    public static bool Emphasises(FocusAreaId area, Transit transit, NatalChart natal)
    {
        ArgumentNullException.ThrowIfNull(transit);
        ArgumentNullException.ThrowIfNull(natal);
        var moving = transit.TransitingBody;
        var point = transit.NatalPoint;
        bool Involves(params Body[] bodies) => bodies.Contains(moving) || (point.ToBody() is { } b && bodies.Contains(b));
        int? House() => point.ToBody() is { } b && natal.Houses is not null ? natal.HouseOf(b) : null;
        return area switch
        {
            FocusAreaId.Relationships => Involves(Body.Venus, Body.Moon),
            FocusAreaId.Career => Involves(Body.Mars, Body.Saturn, Body.Sun) || point == ChartPoint.Midheaven,
            FocusAreaId.Wellness => Involves(Body.Moon) || Zodiac.SignOf(transit.TransitLongitude) == ZodiacSign.Virgo || House() == 6,
            FocusAreaId.Social => Involves(Body.Mercury, Body.Jupiter),
            FocusAreaId.Spiritual => Involves(Body.Neptune, Body.Moon) || House() == 12,
            _ => true,
        };
    }

    /// <summary>The transit's own strength times (1 + the sum of the weights of the areas that emphasise it).</summary>
    public static double Score(Transit transit, IReadOnlyList<FocusAreaId> areas, NatalChart natal)
    {
        ArgumentNullException.ThrowIfNull(transit);
        ArgumentNullException.ThrowIfNull(areas);
        var boost = 0.0;
        for (var i = 0; i < Math.Min(areas.Count, Weights.Count); i++)
        {
            if (Emphasises(areas[i], transit, natal))
            {
                boost += Weights[i];
            }
        }

        return transit.Score * (1 + boost);
    }

    /// <summary>
    /// The strongest <paramref name="count"/> transits after focus weighting. With an unknown birth time,
    /// transits to the natal Moon are left out: its degree (and often its sign) is not known.
    /// </summary>
    public static IReadOnlyList<Transit> Select(IReadOnlyList<Transit> transits, IReadOnlyList<FocusAreaId> areas, NatalChart natal, int count)
    {
        ArgumentNullException.ThrowIfNull(transits);
        ArgumentNullException.ThrowIfNull(natal);
        return transits
            .Where(t => natal.BirthTimeKnown || (t.NatalPoint != ChartPoint.Moon && t.NatalPoint.ToBody() is not null))
            .Select(t => (Transit: t, Score: Score(t, areas, natal)))
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Transit.Aspect.Orb)
            .Take(count)
            .Select(x => x.Transit with { Score = x.Score })
            .ToList();
    }
}
