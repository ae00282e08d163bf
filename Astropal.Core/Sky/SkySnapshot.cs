namespace Astropal.Core.Sky;

/// <summary>A body's apparent geocentric ecliptic longitude of date and its motion.</summary>
/// <param name="Body">The body.</param>
/// <param name="Longitude">Tropical longitude in degrees, [0, 360).</param>
/// <param name="DailyMotion">Instantaneous rate of the longitude in degrees per day (negative when retrograde).</param>
public readonly record struct BodyPosition(Body Body, double Longitude, double DailyMotion)
{
    /// <summary>The sign containing the longitude.</summary>
    public ZodiacSign Sign => Zodiac.SignOf(Longitude);

    /// <summary>Degrees past the start of the sign, [0, 30).</summary>
    public double DegreeInSign => Zodiac.DegreeInSign(Longitude);

    /// <summary>True when the longitude is decreasing (never for the Sun and Moon).</summary>
    public bool IsRetrograde => DailyMotion < 0 && !Body.IsLuminary();

    /// <summary>E.g. <c>14°02′ Gemini</c>, with an <c>R</c> suffix when retrograde.</summary>
    public override string ToString() => $"{Body} {Zodiac.Format(Longitude)}{(IsRetrograde ? " R" : "")}";
}

/// <summary>The eight conventional names of the lunar phase.</summary>
public enum MoonPhaseName
{
    NewMoon,
    WaxingCrescent,
    FirstQuarter,
    WaxingGibbous,
    FullMoon,
    WaningGibbous,
    LastQuarter,
    WaningCrescent,
}

/// <summary>The Moon's phase.</summary>
/// <param name="PhaseAngle">(Moon − Sun) longitude mod 360 in degrees: 0 new, 90 first quarter, 180 full, 270 last quarter.</param>
/// <param name="Name">The phase name: 45° sectors centred on 0, 45, …, 315 (new moon is 337.5°–22.5°).</param>
/// <param name="IlluminatedFraction">Illuminated fraction of the disc, 0…1.</param>
public sealed record MoonPhase(double PhaseAngle, MoonPhaseName Name, double IlluminatedFraction)
{
    /// <summary>The phase for an elongation (degrees) and an illuminated fraction.</summary>
    public static MoonPhase From(double phaseAngle, double illuminatedFraction)
    {
        var angle = Angle.Normalize(phaseAngle);
        var name = (MoonPhaseName)((int)Math.Floor((angle + 22.5) / 45.0) % 8);
        return new MoonPhase(angle, name, illuminatedFraction);
    }
}

/// <summary>The sky at one instant: positions of all bodies and the quantities the house and event code need.</summary>
/// <param name="Utc">The instant.</param>
/// <param name="JulianDayUt">Julian Day (UT) of the instant.</param>
/// <param name="DeltaTSeconds">ΔT = TT − UT used (Espenak–Meeus 2006).</param>
/// <param name="Positions">All ten bodies, indexed by <see cref="Body"/>.</param>
/// <param name="Moon">The Moon's phase.</param>
/// <param name="TrueObliquity">True obliquity of the ecliptic in degrees.</param>
/// <param name="NutationInLongitude">Δψ in degrees.</param>
/// <param name="ApparentSiderealTime">Greenwich apparent sidereal time in degrees.</param>
public sealed record SkySnapshot(
    DateTimeOffset Utc,
    double JulianDayUt,
    double DeltaTSeconds,
    IReadOnlyList<BodyPosition> Positions,
    MoonPhase Moon,
    double TrueObliquity,
    double NutationInLongitude,
    double ApparentSiderealTime)
{
    /// <summary>The position of a body.</summary>
    public BodyPosition this[Body body] => Positions[(int)body];
}

/// <summary>English display names of the Moon's phases ("Waxing gibbous").</summary>
public static class MoonPhaseNames
{
    public static string Display(this MoonPhaseName phase) => phase switch
    {
        MoonPhaseName.NewMoon => "New moon",
        MoonPhaseName.WaxingCrescent => "Waxing crescent",
        MoonPhaseName.FirstQuarter => "First quarter",
        MoonPhaseName.WaxingGibbous => "Waxing gibbous",
        MoonPhaseName.FullMoon => "Full moon",
        MoonPhaseName.WaningGibbous => "Waning gibbous",
        MoonPhaseName.LastQuarter => "Last quarter",
        MoonPhaseName.WaningCrescent => "Waning crescent",
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, "Unknown phase."),
    };
}
