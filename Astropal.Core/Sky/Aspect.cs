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
