using Astropal.Core.Sky.Data;

namespace Astropal.Core.Sky;

/// <summary>A heliocentric or geocentric state: position (AU) and velocity (AU/day), ecliptic of date.</summary>
internal struct StateVector
{
    public double X;
    public double Y;
    public double Z;
    public double Vx;
    public double Vy;
    public double Vz;
}

/// <summary>Evaluation of the truncated VSOP87D series with their time derivatives.</summary>
internal static class Vsop87
{
    private const double DaysPerMillennium = 365250.0;

    /// <summary>Planets carried by VSOP87, indexed as in <see cref="Tables"/>.</summary>
    internal enum Planet
    {
        Mercury,
        Venus,
        Earth,
        Mars,
        Jupiter,
        Saturn,
        Uranus,
        Neptune,
    }

    /// <summary>Heliocentric position and velocity, mean ecliptic and equinox of date (VSOP87D), at <paramref name="tau"/> Julian millennia TT from J2000.</summary>
    public static void Heliocentric(Planet planet, double tau, out StateVector state)
    {
        var table = Tables[(int)planet];
        Span<double> value = stackalloc double[3];
        Span<double> rate = stackalloc double[3];
        for (var coordinate = 0; coordinate < 3; coordinate++)
        {
            double v = 0, dv = 0, power = 1, powerRate = 0;
            for (var k = 0; k < 6; k++)
            {
                var series = (coordinate * 6) + k;
                if (table.Offsets[series + 1] > table.Offsets[series])
                {
                    SeriesKernel.Vsop(table, series, tau, out var sum, out var sumRate);
                    v += power * sum;
                    dv += (powerRate * sum) + (power * sumRate);
                }

                powerRate = (k + 1) * power;
                power *= tau;
            }

            value[coordinate] = v;
            rate[coordinate] = dv / DaysPerMillennium;
        }

        Spherical(value[0], value[1], value[2], rate[0], rate[1], rate[2], out state);
    }

    /// <summary>Rectangular position and velocity from spherical (l, b in radians, r) and their rates per day.</summary>
    public static void Spherical(double l, double b, double r, double dl, double db, double dr, out StateVector state)
    {
        var (sl, cl) = Math.SinCos(l);
        var (sb, cb) = Math.SinCos(b);
        state.X = r * cb * cl;
        state.Y = r * cb * sl;
        state.Z = r * sb;
        state.Vx = (dr * cb * cl) - (r * sb * db * cl) - (r * cb * sl * dl);
        state.Vy = (dr * cb * sl) - (r * sb * db * sl) + (r * cb * cl * dl);
        state.Vz = (dr * sb) + (r * cb * db);
    }

    private static readonly SeriesTable[] Tables =
    [
        SeriesTable.Create(Vsop87D.MercuryTerms, Vsop87D.MercuryCounts, 3),
        SeriesTable.Create(Vsop87D.VenusTerms, Vsop87D.VenusCounts, 3),
        SeriesTable.Create(Vsop87D.EarthTerms, Vsop87D.EarthCounts, 3),
        SeriesTable.Create(Vsop87D.MarsTerms, Vsop87D.MarsCounts, 3),
        SeriesTable.Create(Vsop87D.JupiterTerms, Vsop87D.JupiterCounts, 3),
        SeriesTable.Create(Vsop87D.SaturnTerms, Vsop87D.SaturnCounts, 3),
        SeriesTable.Create(Vsop87D.UranusTerms, Vsop87D.UranusCounts, 3),
        SeriesTable.Create(Vsop87D.NeptuneTerms, Vsop87D.NeptuneCounts, 3),
    ];
}

/// <summary>The Moon from the truncated ELP/MPP02 series (Chapront &amp; Francou 2003, DE405 fit).</summary>
internal static class LunarTheory
{
    private const double DaysPerCentury = 36525.0;

    private static readonly SeriesTable Table = SeriesTable.Create(ElpMpp02.Terms, ElpMpp02.Counts, 6);

    /// <summary>
    /// Geometric geocentric longitude and latitude (radians, mean ecliptic and equinox of date), distance (km)
    /// and the rate of the longitude (radians/day), at <paramref name="t"/> Julian centuries TT from J2000.
    /// </summary>
    public static void Geocentric(double t, out double longitude, out double latitude, out double distanceKm, out double longitudeRate)
    {
        var w1 = ElpMpp02.W1;
        Span<double> value = stackalloc double[3];
        Span<double> rate = stackalloc double[3];
        for (var coordinate = 0; coordinate < 3; coordinate++)
        {
            double v = 0, dv = 0, power = 1, powerRate = 0;
            for (var k = 0; k < 4; k++)
            {
                var series = (coordinate * 4) + k;
                if (Table.Offsets[series + 1] > Table.Offsets[series])
                {
                    SeriesKernel.Elp(Table, series, t, out var sum, out var sumRate);
                    v += power * sum;
                    dv += (powerRate * sum) + (power * sumRate);
                }

                powerRate = (k + 1) * power;
                power *= t;
            }

            value[coordinate] = v;
            rate[coordinate] = dv;
        }

        // ELP/MPP02 longitudes count from the fixed departure point γ′2000 on the ecliptic of date;
        // adding the general precession in longitude (with the DE405 correction −0.29965″/cy from
        // Chapront & Francou) refers them to the mean equinox of date.
        var precession = (((((((-0.00002353 * t) + 0.000077) * t) + 1.1120) * t) + (5029.0966 - 0.29965)) * t) * Angle.ArcsecToRad;
        var precessionRate = ((((((-4 * 0.00002353 * t) + (3 * 0.000077)) * t) + (2 * 1.1120)) * t) + (5029.0966 - 0.29965)) * Angle.ArcsecToRad;
        var meanLongitude = w1[0] + (t * (w1[1] + (t * (w1[2] + (t * (w1[3] + (t * w1[4])))))));
        var meanLongitudeRate = w1[1] + (t * ((2 * w1[2]) + (t * ((3 * w1[3]) + (t * 4 * w1[4])))));

        longitude = meanLongitude + (value[0] * Angle.ArcsecToRad) + precession;
        longitudeRate = (meanLongitudeRate + (rate[0] * Angle.ArcsecToRad) + precessionRate) / DaysPerCentury;
        latitude = value[1] * Angle.ArcsecToRad;
        distanceKm = value[2];
    }
}

/// <summary>Pluto from Meeus, <i>Astronomical Algorithms</i>, chapter 37 (J2000 heliocentric), precessed to the ecliptic of date.</summary>
internal static class PlutoTheory
{
    private const double DaysPerCentury = 36525.0;

    /// <summary>Heliocentric position and velocity, ecliptic and mean equinox of date, at <paramref name="t"/> Julian centuries TT from J2000.</summary>
    public static void Heliocentric(double t, out StateVector state)
    {
        var terms = PlutoMeeus.Terms;
        var j = 34.35 + (3034.9057 * t);
        var s = 50.08 + (1222.1138 * t);
        var p = 238.96 + (144.96 * t);
        double l = 0, b = 0, r = 0, dl = 0, db = 0, dr = 0;
        for (var i = 0; i < terms.Length; i += 9)
        {
            var argument = ((terms[i] * j) + (terms[i + 1] * s) + (terms[i + 2] * p)) * Angle.DegToRad;
            var argumentRate = ((terms[i] * 3034.9057) + (terms[i + 1] * 1222.1138) + (terms[i + 2] * 144.96)) * Angle.DegToRad;
            var (sin, cos) = FastTrig.SinCos(argument);
            l += (terms[i + 3] * sin) + (terms[i + 4] * cos);
            b += (terms[i + 5] * sin) + (terms[i + 6] * cos);
            r += (terms[i + 7] * sin) + (terms[i + 8] * cos);
            dl += ((terms[i + 3] * cos) - (terms[i + 4] * sin)) * argumentRate;
            db += ((terms[i + 5] * cos) - (terms[i + 6] * sin)) * argumentRate;
            dr += ((terms[i + 7] * cos) - (terms[i + 8] * sin)) * argumentRate;
        }

        var l0 = (l + 238.958116 + (144.96 * t)) * Angle.DegToRad;
        var b0 = (b - 3.908239) * Angle.DegToRad;
        r += 40.7241346;

        // Meeus (21.5, 21.7): ecliptic coordinates from the J2000 ecliptic to the ecliptic of date.
        var eta = ((47.0029 - (0.03302 * t) + (0.000060 * t * t)) * t) * Angle.ArcsecToRad;
        var pi = (174.876384 * Angle.DegToRad) - (((869.8089 * t) + (0.03536 * t * t)) * Angle.ArcsecToRad);
        var precession = ((5029.0966 + (1.11113 * t) - (0.000006 * t * t)) * t) * Angle.ArcsecToRad;
        var precessionRate = (5029.0966 + (2 * 1.11113 * t)) * Angle.ArcsecToRad;
        var (sinEta, cosEta) = Math.SinCos(eta);
        var (sinB, cosB) = Math.SinCos(b0);
        var (sinD, cosD) = Math.SinCos(pi - l0);
        var a = (cosEta * cosB * sinD) - (sinEta * sinB);
        var bb = cosB * cosD;
        var c = (cosEta * sinB) + (sinEta * cosB * sinD);
        var lonOfDate = precession + pi - Math.Atan2(a, bb);
        var latOfDate = Math.Asin(c);

        Vsop87.Spherical(
            lonOfDate,
            latOfDate,
            r,
            ((dl + 144.96) * Angle.DegToRad + precessionRate) / DaysPerCentury,
            db * Angle.DegToRad / DaysPerCentury,
            dr / DaysPerCentury,
            out state);
    }
}

/// <summary>IAU 1980 nutation (Meeus table 22.A) and the mean obliquity (Meeus 22.2).</summary>
internal static class NutationTheory
{
    /// <summary>Nutation in longitude and obliquity (radians) at <paramref name="t"/> Julian centuries TT from J2000.</summary>
    public static void Nutation(double t, out double deltaPsi, out double deltaEpsilon)
    {
        var t2 = t * t;
        var t3 = t2 * t;
        var d = (297.85036 + (445267.111480 * t) - (0.0019142 * t2) + (t3 / 189474)) * Angle.DegToRad;
        var m = (357.52772 + (35999.050340 * t) - (0.0001603 * t2) - (t3 / 300000)) * Angle.DegToRad;
        var mm = (134.96298 + (477198.867398 * t) + (0.0086972 * t2) + (t3 / 56250)) * Angle.DegToRad;
        var f = (93.27191 + (483202.017538 * t) - (0.0036825 * t2) + (t3 / 327270)) * Angle.DegToRad;
        var omega = (125.04452 - (1934.136261 * t) + (0.0020708 * t2) + (t3 / 450000)) * Angle.DegToRad;
        var terms = Nutation1980.Terms;
        double psi = 0, eps = 0;
        for (var i = 0; i < terms.Length; i += 9)
        {
            var argument = (terms[i] * d) + (terms[i + 1] * m) + (terms[i + 2] * mm) + (terms[i + 3] * f) + (terms[i + 4] * omega);
            var (sin, cos) = FastTrig.SinCos(argument);
            psi += (terms[i + 5] + (terms[i + 6] * t)) * sin;
            eps += (terms[i + 7] + (terms[i + 8] * t)) * cos;
        }

        deltaPsi = psi * 0.0001 * Angle.ArcsecToRad;
        deltaEpsilon = eps * 0.0001 * Angle.ArcsecToRad;
    }

    /// <summary>Mean obliquity of the ecliptic (radians), Meeus 22.2.</summary>
    public static double MeanObliquity(double t) =>
        (84381.448 - (46.8150 * t) - (0.00059 * t * t) + (0.001813 * t * t * t)) * Angle.ArcsecToRad;

    /// <summary>Greenwich mean sidereal time in degrees (Meeus 12.4) for a Julian Day in UT.</summary>
    public static double MeanSiderealTime(double julianDayUt)
    {
        var d = julianDayUt - AstroTime.J2000;
        var t = d / 36525.0;
        return Angle.Normalize(280.46061837 + (360.98564736629 * d) + (0.000387933 * t * t) - (t * t * t / 38710000.0));
    }
}
