namespace Astropal.Core.Sky;

/// <summary>A chart point's longitude (degrees) and motion (degrees/day; 0 for fixed points).</summary>
public readonly record struct PointPosition(ChartPoint Point, double Longitude, double DailyMotion)
{
    /// <summary>The position of a body.</summary>
    public static PointPosition Of(BodyPosition position) => new(position.Body.ToChartPoint(), position.Longitude, position.DailyMotion);
}
