namespace Astropal.Core.Places;

/// <summary>How the country and the region of a city read in its label.</summary>
internal static class GazetteerRegions
{
    // Names shorter than countries.tsv's, for labels ("Springfield, MO, United States").
    private static readonly Dictionary<string, string> ShortCountryNames = new(StringComparer.Ordinal)
    {
        ["US"] = "United States",
    };

    /// <summary>The country name shown in labels: a short form where there is one, else countries.tsv's name, else the code.</summary>
    public static string CountryName(string countryCode, IReadOnlyDictionary<string, string> countryNames) =>
        ShortCountryNames.TryGetValue(countryCode, out var name) || countryNames.TryGetValue(countryCode, out name) ? name : countryCode;

    /// <summary>Region shown in labels: the usual abbreviation of the US state, Canadian province or territory, or Australian state.</summary>
    public static string? DisplayRegion(string countryCode, string admin1) => countryCode switch
    {
        _ when admin1.Length == 0 => null,
        "US" => admin1,

        // GeoNames codes Canadian provinces with numbers (not postal codes, whatever the gazetteer README says).
        "CA" => admin1 switch
        {
            "01" => "AB",
            "02" => "BC",
            "03" => "MB",
            "04" => "NB",
            "05" => "NL",
            "07" => "NS",
            "08" => "ON",
            "09" => "PE",
            "10" => "QC",
            "11" => "SK",
            "12" => "YT",
            "13" => "NT",
            "14" => "NU",
            _ => null,
        },
        "AU" => admin1 switch
        {
            "01" => "ACT",
            "02" => "NSW",
            "03" => "NT",
            "04" => "QLD",
            "05" => "SA",
            "06" => "TAS",
            "07" => "VIC",
            "08" => "WA",
            _ => null,
        },
        _ => null,
    };
}
