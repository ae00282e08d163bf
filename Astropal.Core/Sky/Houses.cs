namespace Astropal.Core.Sky;

/// <summary>House systems offered by <see cref="HouseCalculator"/>.</summary>
public enum HouseSystem
{
    Placidus,
    WholeSign,
}

/// <summary>The angles and house cusps of a place at an instant.</summary>
/// <param name="Latitude">Geographic latitude, degrees north.</param>
/// <param name="Longitude">Geographic longitude, degrees east.</param>
/// <param name="Ramc">Right ascension of the MC (local apparent sidereal time × 15), degrees.</param>
/// <param name="Ascendant">Ascendant, ecliptic longitude of date in degrees.</param>
/// <param name="Midheaven">Midheaven (MC), ecliptic longitude of date in degrees.</param>
/// <param name="WholeSignCusps">Whole Sign cusps 1–12 (index 0 is house 1).</param>
/// <param name="PlacidusCusps">Placidus cusps 1–12, or null where Placidus is undefined (beyond the polar circles).</param>
public sealed record HouseCusps(
    double Latitude,
    double Longitude,
    double Ramc,
    double Ascendant,
    double Midheaven,
    IReadOnlyList<double> WholeSignCusps,
    IReadOnlyList<double>? PlacidusCusps)
{
    /// <summary>False above the polar circles, where some ecliptic degrees never rise or set.</summary>
    public bool IsPlacidusDefined => PlacidusCusps is not null;

    /// <summary>The system of <see cref="Cusps"/>: Placidus when defined, otherwise Whole Sign.</summary>
    public HouseSystem System => IsPlacidusDefined ? HouseSystem.Placidus : HouseSystem.WholeSign;

    /// <summary>The cusps of <see cref="System"/>.</summary>
    public IReadOnlyList<double> Cusps => PlacidusCusps ?? WholeSignCusps;

    /// <summary>The house (1–12) of a longitude in the given system (default: <see cref="System"/>).</summary>
    public int HouseOf(double longitude, HouseSystem? system = null)
    {
        var cusps = system == HouseSystem.WholeSign || PlacidusCusps is null ? WholeSignCusps : PlacidusCusps;
        for (var house = 0; house < 12; house++)
        {
            var start = cusps[house];
            var end = cusps[(house + 1) % 12];
            var span = Angle.Normalize(end - start);
            if (Angle.Normalize(longitude - start) < span)
            {
                return house + 1;
            }
        }

        return 1;
    }
}

/// <summary>
/// Ascendant, MC, Whole Sign and Placidus houses. RAMC is the Greenwich apparent sidereal time
/// (Meeus 12.4 plus the equation of the equinoxes) plus the east longitude.
/// </summary>
public sealed class HouseCalculator
{
    /// <summary>Houses for a place, using the sidereal time and obliquity of a snapshot.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Instance API of an injected service.")]
    public HouseCusps Compute(SkySnapshot sky, double latitude, double longitude)
    {
        ArgumentNullException.ThrowIfNull(sky);
        return Compute(sky.ApparentSiderealTime, sky.TrueObliquity, latitude, longitude);
    }

    /// <summary>Houses for a place at an instant.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Instance API of an injected service.")]
    public HouseCusps Compute(DateTimeOffset utc, double latitude, double longitude)
    {
        var jdUt = AstroTime.JulianDay(utc);
        var t = (jdUt + (AstroTime.DeltaTSeconds(jdUt) / 86400.0) - AstroTime.J2000) / 36525.0;
        NutationTheory.Nutation(t, out var deltaPsi, out var deltaEpsilon);
        var obliquity = NutationTheory.MeanObliquity(t) + deltaEpsilon;
        var gast = NutationTheory.MeanSiderealTime(jdUt) + (deltaPsi * Math.Cos(obliquity) * Angle.RadToDeg);
        return Compute(gast, obliquity * Angle.RadToDeg, latitude, longitude);
    }

    private static HouseCusps Compute(double apparentSiderealTime, double obliquity, double latitude, double longitude)
    {
        if (!double.IsFinite(latitude) || Math.Abs(latitude) > 90)
        {
            throw new ArgumentOutOfRangeException(nameof(latitude), latitude, "Latitude must be within −90…90°.");
        }

        if (!double.IsFinite(longitude) || Math.Abs(longitude) > 180)
        {
            throw new ArgumentOutOfRangeException(nameof(longitude), longitude, "Longitude must be within −180…180°.");
        }

        var ramc = Angle.Normalize(apparentSiderealTime + longitude);
        var theta = ramc * Angle.DegToRad;
        var eps = obliquity * Angle.DegToRad;
        var phi = latitude * Angle.DegToRad;
        var (sinT, cosT) = Math.SinCos(theta);
        var (sinE, cosE) = Math.SinCos(eps);
        var mc = Angle.Normalize(Math.Atan2(sinT, cosT * cosE) * Angle.RadToDeg);
        var asc = Angle.Normalize(Math.Atan2(cosT, -((sinT * cosE) + (Math.Tan(phi) * sinE))) * Angle.RadToDeg);

        var wholeSign = new double[12];
        var first = 30.0 * Math.Floor(asc / 30.0);
        for (var i = 0; i < 12; i++)
        {
            wholeSign[i] = Angle.Normalize(first + (30.0 * i));
        }

        var placidus = Placidus(ramc, asc, mc, eps, phi);
        return new HouseCusps(latitude, longitude, ramc, asc, mc, wholeSign, placidus);
    }

    /// <summary>
    /// Placidus cusps by iterating the semi-arc trisection: cusp 11 (12) is the ecliptic point whose
    /// right ascension exceeds the RAMC by one (two) third(s) of its own diurnal semi-arc; cusp 3 (2)
    /// lies one (two) third(s) of its nocturnal semi-arc before the IC. Undefined when |φ| ≥ 90° − ε.
    /// </summary>
    private static double[]? Placidus(double ramc, double asc, double mc, double eps, double phi)
    {
        if (Math.Abs(phi) >= (Math.PI / 2) - eps)
        {
            return null;
        }

        var tanPhi = Math.Tan(phi);
        var cusps = new double[12];
        cusps[0] = asc;
        cusps[9] = mc;
        cusps[10] = Cusp(ramc, 1.0 / 3, aboveHorizon: true, eps, tanPhi);
        cusps[11] = Cusp(ramc, 2.0 / 3, aboveHorizon: true, eps, tanPhi);
        cusps[1] = Cusp(ramc, 2.0 / 3, aboveHorizon: false, eps, tanPhi);
        cusps[2] = Cusp(ramc, 1.0 / 3, aboveHorizon: false, eps, tanPhi);
        foreach (var (target, source) in OppositeCusps)
        {
            cusps[target] = Angle.Normalize(cusps[source] + 180.0);
        }

        return cusps;
    }

    // Cusps 4–9 (indices 3–8) are opposite cusps 10, 11, 12, 1, 2, 3.
    private static readonly (int Target, int Source)[] OppositeCusps = [(3, 9), (4, 10), (5, 11), (6, 0), (7, 1), (8, 2)];

    private static double Cusp(double ramc, double fraction, bool aboveHorizon, double eps, double tanPhi)
    {
        var (sinE, cosE) = Math.SinCos(eps);
        var ra = aboveHorizon ? ramc + (90.0 * fraction) : ramc + 180.0 - (90.0 * fraction);
        for (var iteration = 0; iteration < 60; iteration++)
        {
            var (sinRa, cosRa) = Math.SinCos(ra * Angle.DegToRad);
            var lambda = Math.Atan2(sinRa, cosRa * cosE);
            var declination = Math.Asin(sinE * Math.Sin(lambda));
            var x = Math.Clamp(-tanPhi * Math.Tan(declination), -1.0, 1.0);
            var diurnal = Math.Acos(x) * Angle.RadToDeg;
            var next = aboveHorizon
                ? ramc + (fraction * diurnal)
                : ramc + 180.0 - (fraction * (180.0 - diurnal));
            var change = Math.Abs(Angle.Wrap180(next - ra));
            ra = next;
            if (change < 1e-7)
            {
                break;
            }
        }

        var (s, c) = Math.SinCos(ra * Angle.DegToRad);
        return Angle.Normalize(Math.Atan2(s, c * cosE) * Angle.RadToDeg);
    }
}
