namespace Astropal.Core.Places;

/// <summary>A city of the gazetteer, as offered by the birth-place picker.</summary>
/// <param name="GeonameId">GeoNames id: the stable key to store, never the name.</param>
/// <param name="Name">GeoNames name as given (<c>Zürich</c>, <c>São Paulo</c>).</param>
/// <param name="Admin1Code">GeoNames first-level division code (<c>TX</c>, <c>ENG</c>, <c>11</c>); may be empty.</param>
/// <param name="Region">Region shown to people: US state, Canadian province and Australian state abbreviations (<c>MO</c>, <c>ON</c>, <c>NSW</c>); null elsewhere.</param>
/// <param name="CountryCode">ISO 3166-1 alpha-2 code (GeoNames uses <c>XK</c> for Kosovo).</param>
/// <param name="CountryName">Short English country name.</param>
/// <param name="Latitude">WGS84 degrees.</param>
/// <param name="Longitude">WGS84 degrees.</param>
/// <param name="TimeZoneId">IANA time zone id; resolve it with <see cref="TimeZoneResolver"/>.</param>
/// <param name="Population">GeoNames population (0 for a few capitals).</param>
/// <param name="Label">Picker label: <c>Springfield, MO, United States</c> or <c>Paris, France</c>.</param>
/// <param name="LabelIsAmbiguous">
/// True when another city has the same label (e.g. two <c>San Jose, Philippines</c>): the picker
/// should then add population or coordinates.
/// </param>
public sealed record GazetteerCity(
    int GeonameId,
    string Name,
    string Admin1Code,
    string? Region,
    string CountryCode,
    string CountryName,
    double Latitude,
    double Longitude,
    string TimeZoneId,
    int Population,
    string Label,
    bool LabelIsAmbiguous);
