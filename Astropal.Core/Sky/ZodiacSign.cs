using System.Globalization;

namespace Astropal.Core.Sky;

/// <summary>Tropical signs; the value is <c>floor(longitude / 30)</c>.</summary>
public enum ZodiacSign
{
    Aries,
    Taurus,
    Gemini,
    Cancer,
    Leo,
    Virgo,
    Libra,
    Scorpio,
    Sagittarius,
    Capricorn,
    Aquarius,
    Pisces,
}

/// <summary>Sign arithmetic and formatting of ecliptic longitudes.</summary>
public static class Zodiac
{
    /// <summary>The sign containing a longitude in degrees (any value; it is normalised first). 30.0 is Taurus.</summary>
    public static ZodiacSign SignOf(double longitude) => (ZodiacSign)Math.Min(11, (int)Math.Floor(Angle.Normalize(longitude) / 30.0));

    /// <summary>Degrees past the start of the sign, in [0, 30).</summary>
    public static double DegreeInSign(double longitude) => Angle.Normalize(longitude) - (30.0 * (int)SignOf(longitude));

    /// <summary>Longitude of the first degree of a sign.</summary>
    public static double StartOf(ZodiacSign sign) => 30.0 * (int)sign;

    /// <summary>The next sign (Pisces → Aries).</summary>
    public static ZodiacSign Next(this ZodiacSign sign) => (ZodiacSign)(((int)sign + 1) % 12);

    /// <summary>The previous sign (Aries → Pisces).</summary>
    public static ZodiacSign Previous(this ZodiacSign sign) => (ZodiacSign)(((int)sign + 11) % 12);

    /// <summary>Formats a longitude as degrees and arcminutes in its sign, e.g. <c>14°02′ Gemini</c>.</summary>
    public static string Format(double longitude)
    {
        // Round to the arcminute first so that 29°59.7′ reads as the next sign's 0°00′.
        var totalMinutes = (long)Math.Round(Angle.Normalize(longitude) * 60.0, MidpointRounding.AwayFromZero) % (360 * 60);
        var sign = (ZodiacSign)(totalMinutes / (30 * 60));
        var inSign = totalMinutes % (30 * 60);
        return string.Create(CultureInfo.InvariantCulture, $"{inSign / 60}°{inSign % 60:00}′ {sign}");
    }
}
