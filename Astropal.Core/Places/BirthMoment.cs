namespace Astropal.Core.Places;

/// <summary>A birth date and time in the birthplace's zone, converted to UTC.</summary>
/// <param name="UtcInstant">The instant of birth, offset zero.</param>
/// <param name="UtcOffset">The zone's offset from UTC at that instant (after any gap adjustment).</param>
/// <param name="LocalDateTime">The local wall time used: the given time, local noon when unknown, or the time moved forward out of a DST gap.</param>
/// <param name="TimeKnown">False when no birth time was given and local noon was used: nothing that depends on the time (Ascendant, houses) may be produced.</param>
/// <param name="WasInGap">The local time did not exist (clocks jumped forward over it); it was moved forward by the length of the gap.</param>
/// <param name="WasAmbiguous">The local time happened twice (clocks went back); the earlier occurrence (the one before the change, usually daylight time) was chosen.</param>
/// <param name="TimeZoneId">The IANA id asked for.</param>
/// <param name="ResolvedTimeZoneId">The id of the zone actually used (a fallback id when the runtime lacked the first).</param>
public sealed record BirthMoment(
    DateTimeOffset UtcInstant,
    TimeSpan UtcOffset,
    DateTime LocalDateTime,
    bool TimeKnown,
    bool WasInGap,
    bool WasAmbiguous,
    string TimeZoneId,
    string ResolvedTimeZoneId);
