namespace Astropal.Core.Sky;

/// <summary>
/// Julian days and ΔT. UTC is read as UT (UT1 ≈ UTC, within a second); Terrestrial Time is UT + ΔT.
/// </summary>
public static class AstroTime
{
    /// <summary>Julian Day of J2000.0 (2000-01-01 12:00 TT).</summary>
    public const double J2000 = 2451545.0;

    private const double UnixEpochJulianDay = 2440587.5;

    /// <summary>Julian Day (UT) of an instant.</summary>
    public static double JulianDay(DateTimeOffset utc) =>
        UnixEpochJulianDay + ((utc.UtcTicks - DateTime.UnixEpoch.Ticks) / (double)TimeSpan.TicksPerDay);

    /// <summary>The UTC instant of a Julian Day (UT), to the tick.</summary>
    public static DateTimeOffset FromJulianDay(double julianDay) =>
        new(DateTime.UnixEpoch.Ticks + (long)Math.Round((julianDay - UnixEpochJulianDay) * TimeSpan.TicksPerDay), TimeSpan.Zero);

    /// <summary>
    /// ΔT = TT − UT in seconds from the Espenak–Meeus (2006) polynomials published on NASA's eclipse
    /// web site, with the decimal year taken as 2000 + (JD − J2000 − 14) / 365.24217 (tropical years).
    /// </summary>
    public static double DeltaTSeconds(double julianDayUt)
    {
        var y = 2000.0 + ((julianDayUt - J2000 - 14.0) / 365.24217);
        double t;
        if (y < 1860)
        {
            var u = (y - 1820) / 100;
            return -20 + (32 * u * u);
        }

        if (y < 1900)
        {
            t = y - 1860;
            return 7.62 + (0.5737 * t) - (0.251754 * t * t) + (0.01680668 * t * t * t) - (0.0004473624 * Math.Pow(t, 4)) + (Math.Pow(t, 5) / 233174);
        }

        if (y < 1920)
        {
            t = y - 1900;
            return -2.79 + (1.494119 * t) - (0.0598939 * t * t) + (0.0061966 * t * t * t) - (0.000197 * Math.Pow(t, 4));
        }

        if (y < 1941)
        {
            t = y - 1920;
            return 21.20 + (0.84493 * t) - (0.076100 * t * t) + (0.0020936 * t * t * t);
        }

        if (y < 1961)
        {
            t = y - 1950;
            return 29.07 + (0.407 * t) - (t * t / 233) + (t * t * t / 2547);
        }

        if (y < 1986)
        {
            t = y - 1975;
            return 45.45 + (1.067 * t) - (t * t / 260) - (t * t * t / 718);
        }

        if (y < 2005)
        {
            t = y - 2000;
            return 63.86 + (0.3345 * t) - (0.060374 * t * t) + (0.0017275 * t * t * t) + (0.000651814 * Math.Pow(t, 4)) + (0.00002373599 * Math.Pow(t, 5));
        }

        if (y < 2050)
        {
            t = y - 2000;
            return 62.92 + (0.32217 * t) + (0.005589 * t * t);
        }

        var v = (y - 1820) / 100;
        return y < 2150 ? -20 + (32 * v * v) - (0.5628 * (2150 - y)) : -20 + (32 * v * v);
    }
}
