namespace Astropal.Core.Sky;

/// <summary>Angle helpers in degrees.</summary>
public static class Angle
{
    internal const double DegToRad = Math.PI / 180.0;
    internal const double RadToDeg = 180.0 / Math.PI;
    internal const double ArcsecToRad = Math.PI / (180.0 * 3600.0);

    /// <summary>Normalises an angle to [0, 360).</summary>
    public static double Normalize(double degrees)
    {
        var r = degrees % 360.0;
        if (r < 0)
        {
            r += 360.0;
        }

        // -1e-15 % 360 + 360 rounds to 360.0.
        return r >= 360.0 ? 0.0 : r;
    }

    /// <summary>Wraps an angle difference to (−180, 180].</summary>
    public static double Wrap180(double degrees)
    {
        var r = Normalize(degrees);
        return r > 180.0 ? r - 360.0 : r;
    }

    internal static double NormalizeRadians(double radians)
    {
        var r = radians % (2 * Math.PI);
        return r < 0 ? r + (2 * Math.PI) : r;
    }
}
