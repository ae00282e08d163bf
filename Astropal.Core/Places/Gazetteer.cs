namespace Astropal.Core.Places;

/// <summary>
/// Offline city search for the birth-place picker (SPEC §2): prefix and word-prefix search over
/// the embedded GeoNames cities with accent folding, ranked by population. The data is loaded
/// once, on first use, and shared by all threads; register as a singleton.
/// </summary>
public sealed class Gazetteer
{
    /// <summary>Longest query searched; longer input (no city name is that long) gives no result.</summary>
    public const int MaxQueryLength = 100;

    /// <summary>Largest <c>limit</c> accepted by <see cref="Search"/>.</summary>
    public const int MaxLimit = 100;

    // Worst case of NFKD expansion (18 chars) times the folding map (2 bytes per char).
    private const int QueryKeyCapacity = MaxQueryLength * 18 * 2;

    // "ae" alone would also search everything starting with "a"; "koe" → "ko" is still useful.
    private const int MinTransliteratedKeyLength = 2;

    // The embedded data never changes, so every instance (one per host, e.g. per test server) shares one index.
    private static readonly Lazy<GazetteerIndex> Embedded = new(GazetteerIndex.LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Lazy<GazetteerIndex> index;

    /// <summary>Uses the gazetteer embedded in Astropal.Core (loaded once per process, on first use).</summary>
    public Gazetteer() => index = Embedded;

    internal Gazetteer(Func<GazetteerIndex> load) =>
        index = new Lazy<GazetteerIndex>(load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Number of cities (loads the data if it is not loaded yet).</summary>
    public int Count => index.Value.Count;

    /// <summary>Distinct IANA zone ids used by the cities (loads the data if needed).</summary>
    public IReadOnlyList<string> TimeZoneIds => index.Value.ZoneIds;

    /// <summary>Loads the data now, e.g. at startup, so the first search does not pay for it.</summary>
    public void EnsureLoaded() => _ = index.Value;

    /// <summary>
    /// Cities whose name, or a word of whose name, starts with <paramref name="prefix"/>, most
    /// populous first. Matching ignores case, accents and punctuation (<c>zurich</c> finds Zürich,
    /// <c>st louis</c> finds St. Louis, <c>main</c> finds Frankfurt am Main) and also accepts the
    /// German spellings <c>ue</c>, <c>oe</c>, <c>ae</c> for ü, ö, ä (<c>Koeln</c>).
    /// Empty, blank or unsearchable input (only symbols or non-Latin script), or input longer than
    /// <see cref="MaxQueryLength"/>, gives an empty list.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="prefix"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is not in 1..<see cref="MaxLimit"/>.</exception>
    public IReadOnlyList<GazetteerCity> Search(string prefix, int limit = 10)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxLimit);
        if (prefix.Length > MaxQueryLength || string.IsNullOrWhiteSpace(prefix))
        {
            return [];
        }

        Span<byte> key = stackalloc byte[QueryKeyCapacity];
        var length = PlaceNameFolding.Fold(prefix, key);
        if (length == 0)
        {
            return [];
        }

        key = key[..length];
        var data = index.Value;
        Span<int> best = stackalloc int[limit];
        var count = data.Collect(key, best, 0);

        Span<byte> variant = stackalloc byte[length];
        var variantLength = PlaceNameFolding.UndoGermanTransliteration(key, variant);
        if (variantLength >= MinTransliteratedKeyLength)
        {
            count = data.Collect(variant[..variantLength], best, count);
        }

        var result = new GazetteerCity[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = data.City(best[i]);
        }

        return result;
    }

    /// <summary>The city with this GeoNames id, or null.</summary>
    public GazetteerCity? Find(int geonameId)
    {
        var data = index.Value;
        return data.IndexOfId(geonameId) is { } i ? data.City(i) : null;
    }
}
