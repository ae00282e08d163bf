using System.IO.Compression;
using System.Reflection;

namespace Astropal.Core.Places;

/// <summary>Opens the gazetteer files embedded in this assembly (Places/Data).</summary>
internal static class PlacesData
{
    public const string CitiesResource = "Astropal.Core.Places.Data.cities.tsv.gz";
    public const string CountriesResource = "Astropal.Core.Places.Data.countries.tsv";
    public const string ZoneFallbacksResource = "Astropal.Core.Places.Data.zone_fallbacks.tsv";

    public static Stream OpenCities() =>
        new GZipStream(Open(CitiesResource), CompressionMode.Decompress);

    public static Stream OpenCountries() => Open(CountriesResource);

    public static Stream OpenZoneFallbacks() => Open(ZoneFallbacksResource);

    private static Stream Open(string name) =>
        typeof(PlacesData).Assembly.GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing from {typeof(PlacesData).Assembly.GetName().Name}.");

    /// <summary>Reads a header-first, tab-separated UTF-8 file and yields the fields of each data row.</summary>
    public static IEnumerable<string[]> ReadTsv(Stream stream, int expectedColumns)
    {
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        var header = reader.ReadLine() ?? throw new InvalidDataException("Empty gazetteer file.");
        if (header.Split('\t').Length != expectedColumns)
        {
            throw new InvalidDataException($"Expected {expectedColumns} columns, header is '{header}'.");
        }

        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length != expectedColumns)
            {
                throw new InvalidDataException($"Line {lineNumber}: expected {expectedColumns} fields, found {fields.Length}.");
            }

            yield return fields;
        }
    }
}
