using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Astropal.Core.Places;

/// <summary>
/// Resolves IANA time zone ids to <see cref="TimeZoneInfo"/> (with the zone's historical rules),
/// trying the id from <c>zone_fallbacks.tsv</c> when the runtime's tzdata lacks the id
/// (older or trimmed tzdata; Windows ICU without a mapping). Thread-safe; register as a singleton.
/// </summary>
public sealed class TimeZoneResolver
{
    private const int MaxIdLength = 64;

    private readonly FrozenDictionary<string, string> fallbacks;
    private readonly Func<string, TimeZoneInfo?> findSystemZone;
    private readonly ConcurrentDictionary<string, TimeZoneInfo> resolved = new(StringComparer.Ordinal);

    /// <summary>Uses the runtime's time zones and the embedded fallback list.</summary>
    public TimeZoneResolver()
        : this(LoadEmbeddedFallbacks(), FindSystemZone)
    {
    }

    /// <param name="fallbacks">IANA id → id to try when the first is unknown.</param>
    /// <param name="findSystemZone">Finds a zone by id, or returns null when the runtime does not know it.</param>
    internal TimeZoneResolver(IReadOnlyDictionary<string, string> fallbacks, Func<string, TimeZoneInfo?> findSystemZone)
    {
        this.fallbacks = fallbacks.ToFrozenDictionary(StringComparer.Ordinal);
        this.findSystemZone = findSystemZone;
    }

    /// <summary>The fallback table: IANA id → older or linked id with the same rules (for the dates that matter).</summary>
    public IReadOnlyDictionary<string, string> Fallbacks => fallbacks;

    /// <summary>The zone for <paramref name="ianaId"/>, or for its fallback id when the runtime lacks it.</summary>
    /// <exception cref="ArgumentException"><paramref name="ianaId"/> is null, empty or not shaped like an IANA id.</exception>
    /// <exception cref="TimeZoneNotFoundException">Neither the id nor its fallback is known; the message names both.</exception>
    public TimeZoneInfo Resolve(string ianaId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ianaId);
        if (!IsWellFormed(ianaId))
        {
            throw new ArgumentException($"'{Truncate(ianaId)}' is not an IANA time zone id.", nameof(ianaId));
        }

        if (TryResolve(ianaId, out var zone))
        {
            return zone;
        }

        throw new TimeZoneNotFoundException(fallbacks.TryGetValue(ianaId, out var fallback)
            ? $"Time zone '{ianaId}' is not known to this runtime, nor is its fallback '{fallback}'. Install or update tzdata."
            : $"Time zone '{ianaId}' is not known to this runtime and has no fallback. Install or update tzdata.");
    }

    /// <summary>Like <see cref="Resolve"/>, returning false instead of throwing.</summary>
    public bool TryResolve(string ianaId, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        if (string.IsNullOrWhiteSpace(ianaId) || !IsWellFormed(ianaId))
        {
            zone = null;
            return false;
        }

        if (resolved.TryGetValue(ianaId, out zone))
        {
            return true;
        }

        zone = findSystemZone(ianaId);
        if (zone is null && fallbacks.TryGetValue(ianaId, out var fallback))
        {
            zone = findSystemZone(fallback);
        }

        // Only successes are cached, so the cache is bounded by the zones that exist.
        if (zone is not null)
        {
            resolved.TryAdd(ianaId, zone);
        }

        return zone is not null;
    }

    internal static FrozenDictionary<string, string> LoadEmbeddedFallbacks()
    {
        using var stream = PlacesData.OpenZoneFallbacks();
        return PlacesData.ReadTsv(stream, 3).ToFrozenDictionary(row => row[0], row => row[1], StringComparer.Ordinal);
    }

    private static TimeZoneInfo? FindSystemZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            return null;
        }
        catch (InvalidTimeZoneException)
        {
            return null;
        }
    }

    // IANA ids are ASCII letters, digits and / _ + - (e.g. America/Argentina/Buenos_Aires, Etc/GMT+5);
    // checking keeps paths such as "../x" away from the tzdata directory lookup.
    private static bool IsWellFormed(string id)
    {
        if (id.Length > MaxIdLength || id[0] == '/' || id.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('/' or '_' or '+' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    private static string Truncate(string id) => id.Length <= MaxIdLength ? id : id[..MaxIdLength] + "…";
}
