using System.Buffers;
using System.Globalization;

namespace Astropal.Core.Places;

/// <summary>
/// Collects the gazetteer rows into growing columns, interning the country, admin1 and zone
/// codes, and writes each folded name (and its ASCII spelling when that folds differently) to
/// one key buffer with an entry per word start; <see cref="GazetteerIndex"/> freezes the result.
/// </summary>
internal sealed class GazetteerIndexBuilder
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

    public GazetteerIndex Build() => new(this);

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
        destination[length] = GazetteerIndex.KeyEnd;
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
        (int)Math.Round(double.Parse(degrees, CultureInfo.InvariantCulture) * GazetteerIndex.CoordinateScale, MidpointRounding.AwayFromZero);
}
