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
}
