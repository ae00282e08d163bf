namespace Astropal.Core.Places;

/// <summary>
/// Converts a local birth date and optional time in an IANA zone to UTC with the zone's
/// historical rules (SPEC §2, issue 3 item 4). Unknown time → local noon, flagged.
/// A time in a DST gap moves forward by the gap; an ambiguous time takes the earlier instant.
/// </summary>
public sealed class BirthMomentResolver(TimeZoneResolver zones)
{
    /// <summary>The local time used when the birth time is unknown.</summary>
    public static readonly TimeOnly UnknownTimeDefault = new(12, 0);

    /// <exception cref="ArgumentException">The zone id is empty or malformed.</exception>
    /// <exception cref="TimeZoneNotFoundException">The zone (and its fallback) is unknown.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The date is in year 1 or 9999 (no room to look for transitions).</exception>
    public BirthMoment Resolve(DateOnly localDate, TimeOnly? localTime, string timeZoneId)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(localDate.Year, 2, nameof(localDate));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(localDate.Year, 9998, nameof(localDate));
        var zone = zones.Resolve(timeZoneId);
        var wall = localDate.ToDateTime(localTime ?? UnknownTimeDefault, DateTimeKind.Unspecified);
        var (utc, wasInGap, wasAmbiguous) = ToUtc(zone, wall);
        var offset = OffsetAt(zone, utc);
        return new BirthMoment(
            new DateTimeOffset(utc, TimeSpan.Zero),
            offset,
            DateTime.SpecifyKind(utc + offset, DateTimeKind.Unspecified),
            localTime.HasValue,
            wasInGap,
            wasAmbiguous,
            timeZoneId,
            zone.Id);
    }

    /// <summary>
    /// Local wall time → UTC, as Temporal's "compatible" disambiguation: take the offsets a day
    /// before and a day after, keep the candidate instants whose own offset agrees. Two → the
    /// wall time is ambiguous, take the earlier; none → it is in a gap, and reading it with the
    /// offset from before the gap moves it forward by the gap's length. (No zone has had two
    /// transitions within two days, and no offset change reaches a day.)
    /// </summary>
    internal static (DateTime Utc, bool WasInGap, bool WasAmbiguous) ToUtc(TimeZoneInfo zone, DateTime wall)
    {
        var asUtc = DateTime.SpecifyKind(wall, DateTimeKind.Utc);
        var before = OffsetAt(zone, asUtc.AddDays(-1));
        var after = OffsetAt(zone, asUtc.AddDays(1));

        var early = asUtc - before;
        var late = asUtc - after;
        var earlyValid = OffsetAt(zone, early) == before;
        var lateValid = OffsetAt(zone, late) == after;

        if (earlyValid && lateValid && early != late)
        {
            return (early < late ? early : late, false, true);
        }

        if (earlyValid)
        {
            return (early, false, false);
        }

        if (lateValid)
        {
            return (late, false, false);
        }

        return (early, true, false);
    }

    private static TimeSpan OffsetAt(TimeZoneInfo zone, DateTime utc) =>
        zone.GetUtcOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
