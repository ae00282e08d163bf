using Astropal.Core.Places;

namespace Astropal.Core.Sky;

/// <summary>Birth data as a reader gives it: local date, local time if known, and the birthplace.</summary>
/// <param name="Date">Local birth date in the birthplace's zone.</param>
/// <param name="Time">Local birth time; null when the reader does not know it.</param>
/// <param name="Latitude">Birthplace latitude, degrees north.</param>
/// <param name="Longitude">Birthplace longitude, degrees east.</param>
/// <param name="TimeZoneId">IANA zone of the birthplace; its historical rules convert the local time.</param>
public sealed record BirthData(DateOnly Date, TimeOnly? Time, double Latitude, double Longitude, string TimeZoneId)
{
    public static BirthData At(DateOnly date, TimeOnly? time, GazetteerCity place)
    {
        ArgumentNullException.ThrowIfNull(place);
        return new BirthData(date, time, place.Latitude, place.Longitude, place.TimeZoneId);
    }
}

/// <summary>A natal chart together with how its instant was derived from local birth data.</summary>
public sealed record BirthChart(BirthData Birth, BirthMoment Moment, NatalChart Chart);

/// <summary>
/// Casts natal charts from local birth data: the local time in the birthplace's zone (with its
/// historical rules) becomes UTC; an unknown time is cast for local noon and nothing that depends on
/// the time (Ascendant, MC, houses) is produced.
/// </summary>
public sealed class BirthChartCalculator(BirthMomentResolver moments, NatalChartCalculator charts)
{
    public BirthChart Compute(BirthData birth, AspectOrbs? orbs = null)
    {
        ArgumentNullException.ThrowIfNull(birth);
        var moment = moments.Resolve(birth.Date, birth.Time, birth.TimeZoneId);
        var chart = charts.Compute(moment.UtcInstant, moment.TimeKnown, birth.Latitude, birth.Longitude, orbs);
        return new BirthChart(birth, moment, chart);
    }
}
