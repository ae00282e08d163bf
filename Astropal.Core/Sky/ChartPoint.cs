namespace Astropal.Core.Sky;

/// <summary>A point of a chart that can take part in an aspect: the ten bodies (same values as <see cref="Body"/>) and the angles.</summary>
public enum ChartPoint
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
    Ascendant,
    Midheaven,
}

/// <summary>Conversions between <see cref="Body"/> and <see cref="ChartPoint"/>.</summary>
public static class ChartPoints
{
    /// <summary>The chart point of a body.</summary>
    public static ChartPoint ToChartPoint(this Body body) => (ChartPoint)(int)body;

    /// <summary>The body of a chart point, or null for the angles.</summary>
    public static Body? ToBody(this ChartPoint point) => point <= ChartPoint.Pluto ? (Body)(int)point : null;
}
