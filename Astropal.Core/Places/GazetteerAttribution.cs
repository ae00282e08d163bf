namespace Astropal.Core.Places;

/// <summary>
/// Licence notice for the embedded gazetteer (GeoNames CC BY 4.0; zone boundaries ODbL).
/// The site must show it, for example on the About or Credits page (Places/Data/NOTICE.md).
/// </summary>
public static class GazetteerAttribution
{
    /// <summary>City data line (GeoNames, CC BY 4.0).</summary>
    public const string GeoNames =
        "City data © GeoNames (geonames.org), licensed under CC BY 4.0 (creativecommons.org/licenses/by/4.0). "
        + "Filtered and extended with ASCII names and time zones.";

    /// <summary>Time zone boundary line (timezone-boundary-builder, OpenStreetMap, ODbL).</summary>
    public const string TimeZoneBoundaries =
        "Time zone boundaries from timezone-boundary-builder, © OpenStreetMap contributors, "
        + "available under the Open Database License (opendatacommons.org/licenses/odbl).";

    /// <summary>The full attribution text, one notice per line.</summary>
    public const string Text = GeoNames + "\n" + TimeZoneBoundaries;
}
