namespace Astropal.Core.Sky;

/// <summary>
/// Apparent geocentric ecliptic longitudes of date (true equinox; light-time, aberration and nutation
/// included) of the ten bodies, from truncated VSOP87D (planets), ELP/MPP02 (Moon), Meeus chapter 37
/// (Pluto) and IAU 1980 nutation. Valid 1900–2100. Thread-safe and allocation-free except for the
/// result objects.
/// </summary>
public sealed class Ephemeris
{
    /// <summary>Positions of all bodies, Moon phase, ΔT, nutation and obliquity for an instant.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Instance API of an injected service.")]
    public SkySnapshot Compute(DateTimeOffset utc)
    {
        var jdUt = AstroTime.JulianDay(utc);
        Span<BodyState> states = stackalloc BodyState[Bodies.Count];
        EphemerisCore.Compute(jdUt, states, out var frame);
        var positions = new BodyPosition[Bodies.Count];
        for (var i = 0; i < positions.Length; i++)
        {
            positions[i] = new BodyPosition((Body)i, states[i].Longitude, states[i].Motion);
        }

        return new SkySnapshot(
            utc.ToUniversalTime(),
            jdUt,
            frame.DeltaTSeconds,
            positions,
            MoonPhase.From(frame.PhaseAngle, frame.IlluminatedFraction),
            frame.TrueObliquity * Angle.RadToDeg,
            frame.DeltaPsi * Angle.RadToDeg,
            Angle.Normalize(NutationTheory.MeanSiderealTime(jdUt) + (frame.DeltaPsi * Math.Cos(frame.TrueObliquity) * Angle.RadToDeg)));
    }

    /// <summary>Apparent longitude (degrees) and its rate (degrees/day) of one body at an instant.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Instance API of an injected service.")]
    public (double Longitude, double DailyMotion) Position(Body body, DateTimeOffset utc)
    {
        EphemerisCore.ComputeBody(body, AstroTime.JulianDay(utc), out var state);
        return (state.Longitude, state.Motion);
    }

    /// <summary>
    /// <c>lon(t + 12 h) − lon(t − 12 h)</c> wrapped to (−180, 180]: the reference definition of daily motion
    /// used by the <c>*_motion_24h</c> columns. <see cref="BodyPosition.DailyMotion"/> is the instantaneous rate.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Instance API of an injected service.")]
    public double Motion24h(Body body, DateTimeOffset utc)
    {
        var jd = AstroTime.JulianDay(utc);
        EphemerisCore.ComputeBody(body, jd + 0.5, out var after);
        EphemerisCore.ComputeBody(body, jd - 0.5, out var before);
        return Angle.Wrap180(after.Longitude - before.Longitude);
    }
}

/// <summary>Longitude (degrees, [0, 360)) and rate (degrees/day) of a body.</summary>
internal struct BodyState
{
    public double Longitude;
    public double Motion;
}

/// <summary>Quantities of an instant that are shared by all bodies.</summary>
internal struct SkyFrame
{
    public double DeltaTSeconds;
    public double DeltaPsi;
    public double TrueObliquity;
    public double PhaseAngle;
    public double IlluminatedFraction;
}

/// <summary>The allocation-free computation behind <see cref="Ephemeris"/>.</summary>
internal static class EphemerisCore
{
    private const double SecondsPerDay = 86400.0;

    // AU per day of light (IAU 2012: c = 299 792.458 km/s, AU = 149 597 870.7 km).
    private const double LightDaysPerAu = 149597870.7 / (299792.458 * SecondsPerDay);
    private const double KmPerAu = 149597870.7;

    // Gaussian gravitational constant squared, AU³/day² (heliocentric accelerations for the light-time rate).
    private const double Gm = 0.01720209895 * 0.01720209895;

    // Meeus (32.3): VSOP87 of-date longitudes to FK5, −0.09033″.
    private const double Fk5Correction = -0.09033 * Angle.ArcsecToRad;

    public static void Compute(double julianDayUt, Span<BodyState> states, out SkyFrame frame)
    {
        var deltaT = AstroTime.DeltaTSeconds(julianDayUt);
        var t = (julianDayUt + (deltaT / SecondsPerDay) - AstroTime.J2000) / 36525.0;
        var tau = t / 10.0;
        NutationTheory.Nutation(t, out var deltaPsi, out var deltaEpsilon);
        var obliquity = NutationTheory.MeanObliquity(t) + deltaEpsilon;

        Vsop87.Heliocentric(Vsop87.Planet.Earth, tau, out var earth);
        var sun = default(StateVector);
        Observe(sun, earth, deltaPsi + Fk5Correction, out states[(int)Body.Sun], out var sunDistance);

        Span<double> ignored = stackalloc double[1];
        for (var body = Body.Mercury; body <= Body.Neptune; body++)
        {
            Vsop87.Heliocentric(PlanetOf(body), tau, out var planet);
            Observe(planet, earth, deltaPsi + Fk5Correction, out states[(int)body], out ignored[0]);
        }

        PlutoTheory.Heliocentric(t, out var pluto);
        Observe(pluto, earth, deltaPsi, out states[(int)Body.Pluto], out ignored[0]);

        ObserveMoon(t, deltaPsi, out states[(int)Body.Moon], out var moonLatitude, out var moonDistanceKm);

        // Illuminated fraction, Meeus (48.2–48.3) with the Sun–Moon elongation ψ and phase angle i.
        var sunLongitude = states[(int)Body.Sun].Longitude * Angle.DegToRad;
        var moonLongitude = states[(int)Body.Moon].Longitude * Angle.DegToRad;
        var cosPsi = Math.Cos(moonLatitude) * Math.Cos(moonLongitude - sunLongitude);
        var sinPsi = Math.Sqrt(Math.Max(0, 1 - (cosPsi * cosPsi)));
        var phaseAngle = Math.Atan2(sunDistance * sinPsi, (moonDistanceKm / KmPerAu) - (sunDistance * cosPsi));

        frame.DeltaTSeconds = deltaT;
        frame.DeltaPsi = deltaPsi;
        frame.TrueObliquity = obliquity;
        frame.PhaseAngle = Angle.Normalize(states[(int)Body.Moon].Longitude - states[(int)Body.Sun].Longitude);
        frame.IlluminatedFraction = (1 + Math.Cos(phaseAngle)) / 2;
    }

    /// <summary>One body only (Earth, the body and nutation): for root-finding.</summary>
    public static void ComputeBody(Body body, double julianDayUt, out BodyState state)
    {
        var deltaT = AstroTime.DeltaTSeconds(julianDayUt);
        var t = (julianDayUt + (deltaT / SecondsPerDay) - AstroTime.J2000) / 36525.0;
        NutationTheory.Nutation(t, out var deltaPsi, out _);
        if (body == Body.Moon)
        {
            ObserveMoon(t, deltaPsi, out state, out _, out _);
            return;
        }

        Vsop87.Heliocentric(Vsop87.Planet.Earth, t / 10.0, out var earth);
        StateVector target;
        switch (body)
        {
            case Body.Sun:
                target = default;
                break;
            case Body.Pluto:
                PlutoTheory.Heliocentric(t, out target);
                Observe(target, earth, deltaPsi, out state, out _);
                return;
            default:
                Vsop87.Heliocentric(PlanetOf(body), t / 10.0, out target);
                break;
        }

        Observe(target, earth, deltaPsi + Fk5Correction, out state, out _);
    }

    private static Vsop87.Planet PlanetOf(Body body) => body switch
    {
        Body.Mercury => Vsop87.Planet.Mercury,
        Body.Venus => Vsop87.Planet.Venus,
        Body.Mars => Vsop87.Planet.Mars,
        Body.Jupiter => Vsop87.Planet.Jupiter,
        Body.Saturn => Vsop87.Planet.Saturn,
        Body.Uranus => Vsop87.Planet.Uranus,
        _ => Vsop87.Planet.Neptune,
    };

    /// <summary>
    /// Apparent geocentric longitude of a heliocentric state seen from the Earth. Light-time and annual
    /// aberration together are taken as the geometric direction of P(t − τ) − E(t − τ) (Meeus ch. 33), each
    /// state moved back by τ along its velocity; the rate uses the velocities at t − τ (Keplerian accelerations).
    /// </summary>
    private static void Observe(in StateVector p, in StateVector e, double longitudeCorrection, out BodyState state, out double distance)
    {
        var gx = p.X - e.X;
        var gy = p.Y - e.Y;
        var gz = p.Z - e.Z;
        distance = Math.Sqrt((gx * gx) + (gy * gy) + (gz * gz));
        var lightTime = distance * LightDaysPerAu;
        var vx = p.Vx - e.Vx;
        var vy = p.Vy - e.Vy;
        gx -= lightTime * vx;
        gy -= lightTime * vy;

        var re = Math.Sqrt((e.X * e.X) + (e.Y * e.Y) + (e.Z * e.Z));
        var ke = lightTime * Gm / (re * re * re);
        vx -= ke * e.X;
        vy -= ke * e.Y;
        var rp2 = (p.X * p.X) + (p.Y * p.Y) + (p.Z * p.Z);
        if (rp2 > 0)
        {
            var kp = lightTime * Gm / (rp2 * Math.Sqrt(rp2));
            vx += kp * p.X;
            vy += kp * p.Y;
        }

        state.Longitude = Angle.Normalize((Math.Atan2(gy, gx) + longitudeCorrection) * Angle.RadToDeg);
        state.Motion = ((gx * vy) - (gy * vx)) / ((gx * gx) + (gy * gy)) * Angle.RadToDeg;
    }

    private static void ObserveMoon(double t, double deltaPsi, out BodyState state, out double latitude, out double distanceKm)
    {
        LunarTheory.Geocentric(t, out var longitude, out latitude, out distanceKm, out var rate);
        var lightTime = distanceKm / (299792.458 * SecondsPerDay);
        state.Longitude = Angle.Normalize((longitude + deltaPsi - (rate * lightTime)) * Angle.RadToDeg);
        state.Motion = rate * Angle.RadToDeg;
    }
}
