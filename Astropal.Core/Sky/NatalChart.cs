namespace Astropal.Core.Sky;

/// <summary>Birth data for a natal chart.</summary>
/// <param name="Utc">The birth instant in UTC. When the birth time is unknown, pass local noon of the birth date converted to UTC.</param>
/// <param name="BirthTimeKnown">False when only the date is known: the chart then has no Ascendant, MC or houses.</param>
/// <param name="Latitude">Birthplace latitude, degrees north.</param>
/// <param name="Longitude">Birthplace longitude, degrees east.</param>
public sealed record NatalChartRequest(DateTimeOffset Utc, bool BirthTimeKnown, double Latitude, double Longitude);

/// <summary>A natal chart.</summary>
/// <param name="Request">The birth data.</param>
/// <param name="Positions">The ten bodies at birth, indexed by <see cref="Body"/>.</param>
/// <param name="Houses">Angles and cusps; null when the birth time is unknown.</param>
/// <param name="Aspects">Aspects among the bodies (and the Ascendant and MC when the time is known), tightest first.</param>
/// <param name="IsMoonSignCertain">
/// When the birth time is unknown: whether the Moon is in the same sign for the whole local day (noon ± 12 h).
/// Always true when the time is known.
/// </param>
public sealed record NatalChart(
    NatalChartRequest Request,
    IReadOnlyList<BodyPosition> Positions,
    HouseCusps? Houses,
    IReadOnlyList<Aspect> Aspects,
    bool IsMoonSignCertain)
{
    /// <summary>False when the chart was cast for local noon because the birth time is unknown.</summary>
    public bool BirthTimeKnown => Request.BirthTimeKnown;

    /// <summary>The position of a body at birth.</summary>
    public BodyPosition this[Body body] => Positions[(int)body];

    /// <summary>The Ascendant, when the birth time is known.</summary>
    public double? Ascendant => Houses?.Ascendant;

    /// <summary>The MC, when the birth time is known.</summary>
    public double? Midheaven => Houses?.Midheaven;

    /// <summary>The house (1–12) of a body in the chart's house system, or null when the birth time is unknown.</summary>
    public int? HouseOf(Body body) => Houses?.HouseOf(this[body].Longitude);

    /// <summary>The chart's points: the ten bodies and, when the time is known, the Ascendant and MC (motion 0).</summary>
    public IReadOnlyList<PointPosition> Points()
    {
        var points = Positions.Select(PointPosition.Of).ToList();
        if (Houses is not null)
        {
            points.Add(new PointPosition(ChartPoint.Ascendant, Houses.Ascendant, 0));
            points.Add(new PointPosition(ChartPoint.Midheaven, Houses.Midheaven, 0));
        }

        return points;
    }
}

/// <summary>Casts natal charts.</summary>
public sealed class NatalChartCalculator(Ephemeris ephemeris, HouseCalculator houses, AspectFinder aspects)
{
    /// <summary>The chart for the birth data; nothing time-dependent (angles, houses) when the time is unknown.</summary>
    public NatalChart Compute(NatalChartRequest request, AspectOrbs? orbs = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sky = ephemeris.Compute(request.Utc);
        var cusps = request.BirthTimeKnown ? houses.Compute(sky, request.Latitude, request.Longitude) : null;
        var moonCertain = request.BirthTimeKnown || MoonStaysInSign(request.Utc);
        var chart = new NatalChart(request, sky.Positions, cusps, [], moonCertain);
        var found = aspects.Find(chart.Points(), orbs).OrderBy(a => a.Orb).ToList();
        return chart with { Aspects = found };
    }

    /// <summary>The chart for a birth instant (UTC; local noon when the time is unknown), the flag and the birthplace.</summary>
    public NatalChart Compute(DateTimeOffset utc, bool birthTimeKnown, double latitude, double longitude, AspectOrbs? orbs = null) =>
        Compute(new NatalChartRequest(utc, birthTimeKnown, latitude, longitude), orbs);

    private bool MoonStaysInSign(DateTimeOffset noon)
    {
        var before = ephemeris.Position(Body.Moon, noon.AddHours(-12)).Longitude;
        var after = ephemeris.Position(Body.Moon, noon.AddHours(12)).Longitude;
        return Zodiac.SignOf(before) == Zodiac.SignOf(after);
    }
}
