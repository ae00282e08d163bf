using System.Collections.Concurrent;
using Astropal.Core.Sky;

namespace Astropal.Core.Content;

/// <summary>The computed sky of one local day: what every voice may cite, and nothing else.</summary>
/// <param name="LocalDate">The reader's local date.</param>
/// <param name="TimeZone">The reader's zone.</param>
/// <param name="Noon">The sky at local noon.</param>
/// <param name="Events">Ingresses, stations and lunar phases during the local day.</param>
/// <param name="ExactAspects">Aspects between the planets (Moon excluded) that are exact during the local day.</param>
public sealed record DailySky(
    DateOnly LocalDate,
    TimeZoneInfo TimeZone,
    SkySnapshot Noon,
    IReadOnlyList<SkyEvent> Events,
    IReadOnlyList<Aspect> ExactAspects)
{
    public DateTimeOffset ToLocal(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, TimeZone);

    public IReadOnlyList<Body> Retrogrades => Noon.Positions.Where(p => p.IsRetrograde).Select(p => p.Body).ToList();

    public IEnumerable<SkyEvent> Ingresses => Events.Where(e => e.Kind == SkyEventKind.Ingress && e.Body != Body.Moon);

    public IEnumerable<SkyEvent> Stations => Events.Where(e => e.Kind is SkyEventKind.StationDirect or SkyEventKind.StationRetrograde);

    public SkyEvent? MoonIngress => Events.FirstOrDefault(e => e.Kind == SkyEventKind.Ingress && e.Body == Body.Moon);

    public SkyEvent? LunarPhase => Events.FirstOrDefault(e => e.Kind is SkyEventKind.NewMoon or SkyEventKind.FirstQuarter or SkyEventKind.FullMoon or SkyEventKind.LastQuarter);
}

/// <summary>Computes the <see cref="DailySky"/> of a local date in a zone.</summary>
/// <remarks>
/// Many readers share a zone: up to 8,192 (date, zone) days are kept (a few MB). A morning run spans about 372
/// gazetteer zones on two or three local dates, plus the three zones each segment's sky check reads; on Sundays the
/// weekly overview reads seven days per zone and the evening reflection tomorrow's too, about 4,000 days in all, so
/// a smaller cache would be cleared mid-run and every day computed again.
/// </remarks>
public sealed class DailySkyCalculator(Ephemeris ephemeris, SkyEventFinder events, AspectFinder aspects)
{
    private const int CacheLimit = 8192;
    private readonly ConcurrentDictionary<(DateOnly, string), DailySky> cache = new();

    public DailySky Compute(DateOnly localDate, string timeZoneId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(timeZoneId);
        if (cache.TryGetValue((localDate, timeZoneId), out var cached))
        {
            return cached;
        }

        var computed = ComputeUncached(localDate, timeZoneId, cancellationToken);
        if (cache.Count >= CacheLimit)
        {
            cache.Clear();
        }

        cache[(localDate, timeZoneId)] = computed;
        return computed;
    }

    private DailySky ComputeUncached(DateOnly localDate, string timeZoneId, CancellationToken cancellationToken)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        var start = LocalToUtc(localDate, TimeOnly.MinValue, zone);
        var end = LocalToUtc(localDate.AddDays(1), TimeOnly.MinValue, zone);
        var noon = ephemeris.Compute(LocalToUtc(localDate, new TimeOnly(12, 0), zone));
        var dayEvents = events.Find(start, end, cancellationToken);
        var exact = aspects.Find(noon, AspectOrbs.Default, TimeSpan.FromDays(2))
            .Where(a => a.First != ChartPoint.Moon && a.Second != ChartPoint.Moon)
            .Where(a => a.ExactUtc is { } t && t >= start && t < end)
            .OrderBy(a => a.ExactUtc)
            .ToList();
        return new DailySky(localDate, zone, noon, dayEvents, exact);
    }

    internal static DateTimeOffset LocalToUtc(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }
}
