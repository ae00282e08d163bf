using System.Buffers;
using System.Globalization;

namespace Astropal.Core.Places;

/// <summary>
/// The loaded gazetteer: columns as arrays (cities in file order, i.e. by population), and a
/// sorted array of word suffixes of the folded names (<c>frankfurt am main</c>, <c>am main</c>,
/// <c>main</c>) held as offsets into one ASCII buffer, so a prefix or word-prefix search is two
/// binary searches and a scan of the matching range keeping the best-ranked few.
/// </summary>
internal sealed class GazetteerIndex
{
    private const double CoordinateScale = 100_000d;
    private const byte KeyEnd = 0;

    // Names shorter than countries.tsv's, for labels ("Springfield, MO, United States").
    private static readonly Dictionary<string, string> ShortCountryNames = new(StringComparer.Ordinal)
    {
        ["US"] = "United States",
    };

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

    private GazetteerIndex(Builder b)
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
        countryNames = [.. countryCodes.Select(code => ShortCountryNames.TryGetValue(code, out var name) || b.CountryNames.TryGetValue(code, out name) ? name : code)];
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
        var b = new Builder();
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

        return new GazetteerIndex(b);
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
            DisplayRegion(countryCodes[country], admin1),
            countryCodes[country],
            countryNames[country],
            latitudes[index] / CoordinateScale,
            longitudes[index] / CoordinateScale,
            zoneIds[zones[index]],
            populations[index],
            Label(index),
            ambiguousLabels[index]);
    }

    /// <summary>Region shown in labels: the usual abbreviation of the US state, Canadian province or territory, or Australian state.</summary>
    internal static string? DisplayRegion(string countryCode, string admin1) => countryCode switch
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

    private string Label(int index)
    {
        var country = countries[index];
        var region = DisplayRegion(countryCodes[country], admin1Codes[admin1s[index]]);
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
            var regionShown = DisplayRegion(countryCodes[country], admin1Codes[admin1]) is not null;
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

    private sealed class Builder
    {
        public List<int> GeonameIds { get; } = new(50_000);
        public List<string> Names { get; } = new(50_000);
        public List<ushort> Countries { get; } = new(50_000);
        public List<ushort> Admin1s { get; } = new(50_000);
        public List<ushort> Zones { get; } = new(50_000);
        public List<int> Latitudes { get; } = new(50_000);
        public List<int> Longitudes { get; } = new(50_000);
        public List<int> Populations { get; } = new(50_000);
        public Dictionary<string, string> CountryNames { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, ushort> CountryCodes { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, ushort> Admin1Codes { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, ushort> ZoneIds { get; } = new(StringComparer.Ordinal);
        public ArrayBufferWriter<byte> Keys { get; } = new(1 << 20);
        public List<int> EntryOffsets { get; } = new(100_000);
        public List<int> EntryLengths { get; } = new(100_000);
        public List<int> EntryCities { get; } = new(100_000);

        public void Add(string[] row, List<int> wordStarts, ref byte[] scratch)
        {
            var city = GeonameIds.Count;
            GeonameIds.Add(int.Parse(row[0], CultureInfo.InvariantCulture));
            Names.Add(row[1]);
            Countries.Add(Intern(CountryCodes, row[3]));
            Admin1s.Add(Intern(Admin1Codes, row[4]));
            Latitudes.Add(Scaled(row[5]));
            Longitudes.Add(Scaled(row[6]));
            Populations.Add(int.Parse(row[7], CultureInfo.InvariantCulture));
            Zones.Add(Intern(ZoneIds, row[8]));

            // The name folded here and the build's ascii_name should agree; where a Unicode
            // version difference makes them differ, both are searchable.
            var nameKey = AddKey(row[1], city, wordStarts, ref scratch);
            var asciiKey = Fold(row[2], wordStarts, ref scratch);
            if (!scratch.AsSpan(0, asciiKey).SequenceEqual(nameKey))
            {
                AddKey(row[2], city, wordStarts, ref scratch);
            }
        }

        private ReadOnlySpan<byte> AddKey(string text, int city, List<int> wordStarts, ref byte[] scratch)
        {
            var length = Fold(text, wordStarts, ref scratch);
            if (length == 0)
            {
                return [];
            }

            var start = Keys.WrittenCount;
            foreach (var wordStart in wordStarts)
            {
                EntryOffsets.Add(start + wordStart);
                EntryLengths.Add(length - wordStart);
                EntryCities.Add(city);
            }

            var destination = Keys.GetSpan(length + 1);
            scratch.AsSpan(0, length).CopyTo(destination);
            destination[length] = KeyEnd;
            Keys.Advance(length + 1);
            return Keys.WrittenSpan.Slice(start, length);
        }

        private static int Fold(string text, List<int> wordStarts, ref byte[] scratch)
        {
            wordStarts.Clear();
            var needed = PlaceNameFolding.MaxKeyLength(text.Length * 4);
            if (scratch.Length < needed)
            {
                scratch = new byte[needed];
            }

            return PlaceNameFolding.Fold(text, scratch, wordStarts);
        }

        private static ushort Intern(Dictionary<string, ushort> table, string value)
        {
            if (!table.TryGetValue(value, out var index))
            {
                index = checked((ushort)table.Count);
                table.Add(value, index);
            }

            return index;
        }

        private static int Scaled(string degrees) =>
            (int)Math.Round(double.Parse(degrees, CultureInfo.InvariantCulture) * CoordinateScale, MidpointRounding.AwayFromZero);
    }
}
