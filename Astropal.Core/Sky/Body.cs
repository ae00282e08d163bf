namespace Astropal.Core.Sky;

/// <summary>The ten bodies of the chart, in the conventional order; the value is an index into position lists.</summary>
public enum Body
{
    Sun,
    Moon,
    Mercury,
    Venus,
    Mars,
    Jupiter,
    Saturn,
    Uranus,
    Neptune,
    Pluto,
}

/// <summary>Facts about bodies that callers need when reading positions.</summary>
public static class Bodies
{
    /// <summary>Number of bodies in <see cref="Body"/>.</summary>
    public const int Count = 10;

    /// <summary>All bodies in index order.</summary>
    public static IReadOnlyList<Body> All { get; } = Enum.GetValues<Body>();

    /// <summary>True for the Sun and the Moon, which are never retrograde.</summary>
    public static bool IsLuminary(this Body body) => body is Body.Sun or Body.Moon;

    /// <summary>True for the bodies that can station (Mercury … Pluto).</summary>
    public static bool CanStation(this Body body) => !body.IsLuminary();

    /// <summary>
    /// An upper bound of the body's apparent geocentric speed in longitude, degrees a day, either direction (the
    /// greatest speeds over 1900–2100 with about 10% to spare: Moon 15.4, Sun 1.02, Mercury 2.2, Venus 1.26,
    /// Mars 0.79, Jupiter 0.24, Saturn 0.13, Uranus 0.07, Neptune and Pluto 0.04). Root searches use it to step
    /// over stretches where an angle cannot reach zero.
    /// </summary>
    public static double MaxDailyMotion(this Body body) => body switch
    {
        Body.Moon => 17,
        Body.Sun => 1.15,
        Body.Mercury => 2.5,
        Body.Venus => 1.4,
        Body.Mars => 0.9,
        Body.Jupiter => 0.27,
        Body.Saturn => 0.15,
        Body.Uranus => 0.08,
        _ => 0.05,
    };
}
