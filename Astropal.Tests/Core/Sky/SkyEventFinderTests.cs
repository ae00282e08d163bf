using System.Globalization;
using System.Text;
using Astropal.Core.Sky;

namespace Astropal.Tests.Core.Sky;

public sealed class SkyEventFinderTests
{
    private static readonly Lazy<IReadOnlyList<SkyEvent>> Found = new(() =>
        new SkyEventFinder().Find(
            new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2028, 1, 1, 0, 0, 0, TimeSpan.Zero)));

    private static string KindName(SkyEventKind kind) => kind switch
    {
        SkyEventKind.Ingress => "ingress",
        SkyEventKind.StationRetrograde => "station_retrograde",
        SkyEventKind.StationDirect => "station_direct",
        SkyEventKind.NewMoon => "new_moon",
        SkyEventKind.FirstQuarter => "first_quarter",
        SkyEventKind.FullMoon => "full_moon",
        _ => "last_quarter",
    };

    private static string Key(SkyEvent e) =>
        $"{KindName(e.Kind)}|{e.Body}|{e.Sign}|{(e.Kind == SkyEventKind.Ingress ? (e.IsRetrograde ? "retrograde" : "direct") : "")}";

    private static string Key(IReadOnlyDictionary<string, string> row) => $"{row["event"]}|{row["body"]}|{row["sign"]}|{row["motion"]}";

    /// <summary>The README's tolerance: ±2 min of either reference for the Sun and Moon; otherwise between both, widened by max(2 min, half their gap).</summary>
    private static bool WithinTolerance(IReadOnlyDictionary<string, string> row, DateTimeOffset found, out double minutesOff)
    {
        var a = row.Instant();
        var b = row.Instant("utc_instant_sweph");
        var (lo, hi) = a <= b ? (a, b) : (b, a);
        var widen = row["body"] is "Sun" or "Moon" ? TimeSpan.FromMinutes(2) : TimeSpan.FromMinutes(Math.Max(2, (hi - lo).TotalMinutes / 2));
        minutesOff = found < lo ? (lo - found).TotalMinutes : found > hi ? (found - hi).TotalMinutes : 0;
        return found >= lo - widen && found <= hi + widen;
    }

    [Fact]
    public void Events_of_2026_and_2027_match_the_reference_none_missing_none_extra()
    {
        var found = Found.Value;
        var unmatched = found.ToList();
        var problems = new StringBuilder();
        var worstBy = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var row in ReferenceData.Events)
        {
            var key = Key(row);
            var reference = row.Instant();
            var candidate = unmatched
                .Where(e => Key(e) == key && Math.Abs((e.Utc - reference).TotalDays) < 3)
                .OrderBy(e => Math.Abs((e.Utc - reference).TotalSeconds))
                .FirstOrDefault();
            if (candidate is null)
            {
                problems.AppendLine(CultureInfo.InvariantCulture, $"missing: {row["utc_instant"]} {key}");
                continue;
            }

            unmatched.Remove(candidate);
            if (!WithinTolerance(row, candidate.Utc, out var off))
            {
                problems.AppendLine(CultureInfo.InvariantCulture, $"late/early by {off:0.0} min beyond tolerance: {row["utc_instant"]} / {row["utc_instant_sweph"]} {key}, found {candidate.Utc:u}");
            }

            var group = $"{row["event"]} {row["body"]}";
            worstBy[group] = Math.Max(worstBy.GetValueOrDefault(group), Math.Abs((candidate.Utc - reference).TotalMinutes));
        }

        foreach (var extra in unmatched)
        {
            problems.AppendLine(CultureInfo.InvariantCulture, $"extra: {extra.Utc:u} {Key(extra)}");
        }

        var summary = string.Join("; ", worstBy.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => string.Create(CultureInfo.InvariantCulture, $"{k.Key} {k.Value:0.0} min")));
        Assert.True(problems.Length == 0, problems + "\nworst differences from astronomy-engine: " + summary);
        Assert.Equal(ReferenceData.Events.Count, found.Count);
    }

    [Fact]
    public void Seasons_of_2026_are_the_Sun_ingresses_into_the_cardinal_signs()
    {
        var expected = new Dictionary<ZodiacSign, DateTimeOffset>
        {
            [ZodiacSign.Aries] = new(2026, 3, 20, 14, 46, 0, TimeSpan.Zero),
            [ZodiacSign.Cancer] = new(2026, 6, 21, 8, 25, 0, TimeSpan.Zero),
            [ZodiacSign.Libra] = new(2026, 9, 23, 0, 6, 0, TimeSpan.Zero),
            [ZodiacSign.Capricorn] = new(2026, 12, 21, 20, 50, 0, TimeSpan.Zero),
        };
        foreach (var (sign, utc) in expected)
        {
            var ingress = Found.Value.Single(e => e.Body == Body.Sun && e.Kind == SkyEventKind.Ingress && e.Sign == sign && e.Utc.Year == 2026);
            Assert.True(Math.Abs((ingress.Utc - utc).TotalMinutes) <= 1.5, $"{sign}: {ingress.Utc:u} vs {utc:u}");
        }
    }

    [Fact]
    public void Mercury_retrogrades_of_2026_start_and_end_on_the_published_dates()
    {
        var stations = Found.Value
            .Where(e => e.Body == Body.Mercury && e.Kind is SkyEventKind.StationRetrograde or SkyEventKind.StationDirect && e.Utc.Year == 2026)
            .Select(e => DateOnly.FromDateTime(e.Utc.UtcDateTime).ToString("MM-dd", CultureInfo.InvariantCulture))
            .ToList();
        Assert.Equal(["02-26", "03-20", "06-29", "07-23", "10-24", "11-13"], stations);
    }

    [Fact]
    public void Eclipse_lunations_of_2026_fall_on_the_published_minutes()
    {
        (SkyEventKind Kind, DateTimeOffset Utc)[] expected =
        [
            (SkyEventKind.NewMoon, new(2026, 2, 17, 12, 1, 0, TimeSpan.Zero)),
            (SkyEventKind.FullMoon, new(2026, 3, 3, 11, 38, 0, TimeSpan.Zero)),
            (SkyEventKind.NewMoon, new(2026, 8, 12, 17, 37, 0, TimeSpan.Zero)),
            (SkyEventKind.FullMoon, new(2026, 8, 28, 4, 18, 0, TimeSpan.Zero)),
        ];
        foreach (var (kind, utc) in expected)
        {
            var found = Found.Value.Where(e => e.Kind == kind).MinBy(e => Math.Abs((e.Utc - utc).TotalSeconds))!;
            Assert.True(Math.Abs((found.Utc - utc).TotalMinutes) <= 1, $"{kind}: {found.Utc:u} vs {utc:u}");
        }
    }

    [Fact]
    public void Mercury_stations_of_April_2024_match_published_times()
    {
        var events = new SkyEventFinder().Find(new DateTimeOffset(2024, 3, 25, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero));
        var retro = events.Single(e => e.Body == Body.Mercury && e.Kind == SkyEventKind.StationRetrograde);
        var direct = events.Single(e => e.Body == Body.Mercury && e.Kind == SkyEventKind.StationDirect);
        Assert.True(Math.Abs((retro.Utc - new DateTimeOffset(2024, 4, 1, 22, 13, 0, TimeSpan.Zero)).TotalMinutes) <= 7, $"{retro.Utc:u}");
        Assert.True(Math.Abs((direct.Utc - new DateTimeOffset(2024, 4, 25, 12, 52, 0, TimeSpan.Zero)).TotalMinutes) <= 7, $"{direct.Utc:u}");
        Assert.Equal(27.22, retro.Longitude - 0, 1);
        Assert.Equal(15.98, direct.Longitude, 1);
    }

    [Fact]
    public void Event_instants_round_to_the_nearest_minute_for_display()
    {
        var e = new SkyEvent(new DateTimeOffset(2026, 3, 20, 14, 45, 31, TimeSpan.Zero), SkyEventKind.Ingress, Body.Sun, ZodiacSign.Aries, false, 0);
        Assert.Equal(new DateTimeOffset(2026, 3, 20, 14, 46, 0, TimeSpan.Zero), e.UtcToMinute);
    }

    [Fact]
    public void An_empty_or_reversed_range_has_no_events()
    {
        var at = new DateTimeOffset(2026, 3, 20, 0, 0, 0, TimeSpan.Zero);

        Assert.Empty(new SkyEventFinder().Find(at, at));
        Assert.Empty(new SkyEventFinder().Find(at, at.AddDays(-1)));
    }
}
