namespace Astropal.Core.Sky;

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
