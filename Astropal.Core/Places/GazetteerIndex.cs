namespace Astropal.Core.Places;

/// <summary>
/// The loaded gazetteer: columns as arrays (cities in file order, i.e. by population), and a
/// sorted array of word suffixes of the folded names (<c>frankfurt am main</c>, <c>am main</c>,
/// <c>main</c>) held as offsets into one ASCII buffer, so a prefix or word-prefix search is two
/// binary searches and a scan of the matching range keeping the best-ranked few.
/// </summary>
internal sealed class GazetteerIndex
{
    internal const double CoordinateScale = 100_000d;
    internal const byte KeyEnd = 0;

    private readonly int[] geonameIds;
    private readonly string[] names;
    private readonly ushort[] countries;
    private readonly ushort[] admin1s;
    private readonly ushort[] zones;
    private readonly int[] latitudes;
    private readonly int[] longitudes;
    private readonly int[] populations;
    private readonly bool[] ambiguousLabels;

    private readonly string[] countryCodes;
    private readonly string[] countryNames;
    private readonly string[] admin1Codes;
    private readonly string[] zoneIds;

    private readonly int[] idsSorted;
    private readonly int[] idsSortedCity;

    private readonly byte[] keys;
    private readonly int[] entryOffsets;
    private readonly int[] entryCities;

    internal GazetteerIndex(GazetteerIndexBuilder b)
    {
        geonameIds = [.. b.GeonameIds];
        names = [.. b.Names];
        countries = [.. b.Countries];
        admin1s = [.. b.Admin1s];
        zones = [.. b.Zones];
        latitudes = [.. b.Latitudes];
        longitudes = [.. b.Longitudes];
        populations = [.. b.Populations];
        countryCodes = ByIndex(b.CountryCodes);
        countryNames = [.. countryCodes.Select(code => GazetteerRegions.CountryName(code, b.CountryNames))];
        admin1Codes = ByIndex(b.Admin1Codes);
        zoneIds = ByIndex(b.ZoneIds);
        ZoneIds = Array.AsReadOnly(zoneIds);

        idsSorted = [.. geonameIds];
        idsSortedCity = [.. Enumerable.Range(0, geonameIds.Length)];
        Array.Sort(idsSorted, idsSortedCity);

        keys = b.Keys.WrittenSpan.ToArray();
        (entryOffsets, entryCities) = SortEntries(keys, b.EntryOffsets, b.EntryLengths, b.EntryCities);

        ambiguousLabels = FindAmbiguousLabels();
    }

    public int Count => geonameIds.Length;

    /// <summary>Distinct IANA zone ids used by the cities.</summary>
    public IReadOnlyList<string> ZoneIds { get; }

    public static GazetteerIndex LoadEmbedded()
    {
        using var cities = PlacesData.OpenCities();
        using var countryFile = PlacesData.OpenCountries();
        return Load(cities, countryFile);
    }

    public static GazetteerIndex Load(Stream cities, Stream countryFile)
    {
        var b = new GazetteerIndexBuilder();
        foreach (var row in PlacesData.ReadTsv(countryFile, 2))
        {
            b.CountryNames[row[0]] = row[1];
        }

        var wordStarts = new List<int>(8);
        var scratch = new byte[512];
        foreach (var row in PlacesData.ReadTsv(cities, 9))
        {
            b.Add(row, wordStarts, ref scratch);
        }

        return b.Build();
    }

    /// <summary>
    /// Adds to <paramref name="best"/> (city indices, ascending, <paramref name="count"/> used) the
    /// best-ranked cities with a name or a word of the name starting with <paramref name="key"/>.
    /// </summary>
    public int Collect(ReadOnlySpan<byte> key, Span<int> best, int count)
    {
        var lo = LowerBound(key, inclusive: true);
        var hi = LowerBound(key, inclusive: false);
        for (var i = lo; i < hi; i++)
        {
            count = Insert(best, count, entryCities[i]);
        }

        return count;
    }

    public int? IndexOfId(int geonameId)
    {
        var at = Array.BinarySearch(idsSorted, geonameId);
        return at >= 0 ? idsSortedCity[at] : null;
    }

    public GazetteerCity City(int index)
    {
        var country = countries[index];
        var admin1 = admin1Codes[admin1s[index]];
        return new GazetteerCity(
            geonameIds[index],
            names[index],
            admin1,
            GazetteerRegions.DisplayRegion(countryCodes[country], admin1),
            countryCodes[country],
            countryNames[country],
            latitudes[index] / CoordinateScale,
            longitudes[index] / CoordinateScale,
            zoneIds[zones[index]],
            populations[index],
            Label(index),
            ambiguousLabels[index]);
    }

    private string Label(int index)
    {
        var country = countries[index];
        var region = GazetteerRegions.DisplayRegion(countryCodes[country], admin1Codes[admin1s[index]]);
        return region is null
            ? $"{names[index]}, {countryNames[country]}"
            : $"{names[index]}, {region}, {countryNames[country]}";
    }

    /// <summary>
    /// First entry whose suffix, cut to the key's length, is ≥ the key (inclusive) or &gt; it
    /// (exclusive); the matches are the entries between the two. Entries end with a 0 byte,
    /// which sorts before every key byte, so cutting a short suffix keeps the order.
    /// </summary>
    private int LowerBound(ReadOnlySpan<byte> key, bool inclusive)
    {
        var lo = 0;
        var hi = entryOffsets.Length;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            var offset = entryOffsets[mid];
            var head = keys.AsSpan(offset, Math.Min(key.Length, keys.Length - offset));
            var cmp = head.SequenceCompareTo(key);
            if (cmp < 0 || (!inclusive && cmp == 0))
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static int Insert(Span<int> best, int count, int city)
    {
        if (count == best.Length && city >= best[count - 1])
        {
            return count;
        }

        var at = best[..count].BinarySearch(city);
        if (at >= 0)
        {
            return count;
        }

        at = ~at;
        var last = Math.Min(count, best.Length - 1);
        best[at..last].CopyTo(best[(at + 1)..]);
        best[at] = city;
        return Math.Min(count + 1, best.Length);
    }

    private static string[] ByIndex(Dictionary<string, ushort> table)
    {
        var values = new string[table.Count];
        foreach (var (value, index) in table)
        {
            values[index] = value;
        }

        return values;
    }

    /// <summary>Sorts the suffix entries by their text (ties by position, i.e. by rank).</summary>
    private static (int[] Offsets, int[] Cities) SortEntries(byte[] keys, List<int> offsets, List<int> lengths, List<int> cities)
    {
        // Offset and length packed in one long, so the comparer needs no search for the key end.
        var packed = new long[offsets.Count];
        for (var i = 0; i < packed.Length; i++)
        {
            packed[i] = ((long)offsets[i] << 32) | (uint)lengths[i];
        }

        var cityOf = cities.ToArray();
        Array.Sort(packed, cityOf, new SuffixComparer(keys));
        var sortedOffsets = new int[packed.Length];
        for (var i = 0; i < packed.Length; i++)
        {
            sortedOffsets[i] = (int)(packed[i] >> 32);
        }

        return (sortedOffsets, cityOf);
    }

    /// <summary>True for each city whose label another city shares (same name, region shown and country).</summary>
    private bool[] FindAmbiguousLabels()
    {
        var counts = new Dictionary<(string Name, ushort Country, ushort Admin1), int>(geonameIds.Length);
        var groups = new (string, ushort, ushort)[geonameIds.Length];
        for (var i = 0; i < groups.Length; i++)
        {
            var country = countries[i];
            var admin1 = admin1s[i];
            var regionShown = GazetteerRegions.DisplayRegion(countryCodes[country], admin1Codes[admin1]) is not null;
            groups[i] = (names[i], country, regionShown ? admin1 : ushort.MaxValue);
            counts[groups[i]] = counts.GetValueOrDefault(groups[i]) + 1;
        }

        var ambiguous = new bool[groups.Length];
        for (var i = 0; i < groups.Length; i++)
        {
            ambiguous[i] = counts[groups[i]] > 1;
        }

        return ambiguous;
    }

    private sealed class SuffixComparer(byte[] keys) : IComparer<long>
    {
        public int Compare(long x, long y)
        {
            var a = keys.AsSpan((int)(x >> 32), (int)(uint)x);
            var b = keys.AsSpan((int)(y >> 32), (int)(uint)y);
            var cmp = a.SequenceCompareTo(b);
            return cmp != 0 ? cmp : x.CompareTo(y);
        }
    }
}
