using System.Globalization;
using Astropal.Core.Places;

namespace Astropal.Tests.Core.Places;

/// <summary>
/// Expected instants come from tzdata facts (checked with the C library's <c>zdump -v</c>, not with
/// this code): each case names the rule it relies on.
/// </summary>
public sealed class BirthMomentResolverTests
{
    private readonly BirthMomentResolver resolver = new(new TimeZoneResolver());

    [Theory]
    // BST (UTC+1) in summer.
    [InlineData("Europe/London", "1990-07-15", "12:00", "1990-07-15T11:00:00Z", "01:00")]
    // GMT in winter.
    [InlineData("Europe/London", "1990-01-15", "12:00", "1990-01-15T12:00:00Z", "00:00")]
    // British Standard Time experiment: UTC+1 all year from 1968-10-27 to 1971-10-31.
    [InlineData("Europe/London", "1970-01-15", "12:00", "1970-01-15T11:00:00Z", "01:00")]
    [InlineData("Europe/London", "1971-12-15", "12:00", "1971-12-15T12:00:00Z", "00:00")]
    // EDT (UTC-4) in summer, EST (UTC-5) in winter.
    [InlineData("America/New_York", "1990-07-15", "12:00", "1990-07-15T16:00:00Z", "-04:00")]
    [InlineData("America/New_York", "1990-01-15", "12:00", "1990-01-15T17:00:00Z", "-05:00")]
    // India: IST +05:30; war time +06:30 from 1942-09-01 to 1945-10-15.
    [InlineData("Asia/Kolkata", "1990-07-15", "12:00", "1990-07-15T06:30:00Z", "05:30")]
    [InlineData("Asia/Kolkata", "1943-07-15", "12:00", "1943-07-15T05:30:00Z", "06:30")]
    // Lord Howe: +10:30 standard, half-hour DST to +11 (first Sunday of October to first Sunday of April).
    [InlineData("Australia/Lord_Howe", "2021-01-15", "12:00", "2021-01-15T01:00:00Z", "11:00")]
    [InlineData("Australia/Lord_Howe", "2021-07-15", "12:00", "2021-07-15T01:30:00Z", "10:30")]
    // Moscow: +03 winter / +04 summer until 2011-03-27, +04 all year until 2014-10-26, then +03.
    [InlineData("Europe/Moscow", "2010-01-15", "12:00", "2010-01-15T09:00:00Z", "03:00")]
    [InlineData("Europe/Moscow", "2012-01-15", "12:00", "2012-01-15T08:00:00Z", "04:00")]
    [InlineData("Europe/Moscow", "2013-07-15", "12:00", "2013-07-15T08:00:00Z", "04:00")]
    [InlineData("Europe/Moscow", "2015-01-15", "12:00", "2015-01-15T09:00:00Z", "03:00")]
    // Samoa jumped from UTC-10 to UTC+14 (DST offsets) at the end of 2011-12-29.
    [InlineData("Pacific/Apia", "2011-12-29", "12:00", "2011-12-29T22:00:00Z", "-10:00")]
    [InlineData("Pacific/Apia", "2011-12-31", "12:00", "2011-12-30T22:00:00Z", "14:00")]
    // 1965: Norway kept summer time (CEST, +2, 25 April to 19 September); West Germany had none (+1).
    [InlineData("Europe/Oslo", "1965-07-15", "12:00", "1965-07-15T10:00:00Z", "02:00")]
    [InlineData("Europe/Berlin", "1965-07-15", "12:00", "1965-07-15T11:00:00Z", "01:00")]
    // Southern hemisphere DST: Sydney AEDT +11 in January, AEST +10 in July.
    [InlineData("Australia/Sydney", "1990-01-15", "12:00", "1990-01-15T01:00:00Z", "11:00")]
    [InlineData("Australia/Sydney", "1990-07-15", "12:00", "1990-07-15T02:00:00Z", "10:00")]
    public void Converts_a_known_local_time_with_the_zone_rules_of_that_date(string zone, string date, string time, string utc, string offset)
    {
        var moment = resolver.Resolve(Date(date), Time(time), zone);

        Assert.Equal(Utc(utc), moment.UtcInstant);
        Assert.Equal(TimeSpan.Zero, moment.UtcInstant.Offset);
        Assert.Equal(Offset(offset), moment.UtcOffset);
        Assert.Equal(Date(date).ToDateTime(Time(time)), moment.LocalDateTime);
        Assert.True(moment.TimeKnown);
        Assert.False(moment.WasInGap);
        Assert.False(moment.WasAmbiguous);
        Assert.Equal(zone, moment.TimeZoneId);
        Assert.Equal(zone, moment.ResolvedTimeZoneId);
    }

    [Fact]
    public void Unknown_time_is_local_noon_and_flagged()
    {
        var moment = resolver.Resolve(Date("1990-07-15"), null, "Europe/London");

        Assert.False(moment.TimeKnown);
        Assert.Equal(Utc("1990-07-15T11:00:00Z"), moment.UtcInstant);
        Assert.Equal(new DateTime(1990, 7, 15, 12, 0, 0), moment.LocalDateTime);
    }

    [Theory]
    // New York, 2021-03-14: 02:00 EST → 03:00 EDT; 02:30 does not exist → 03:30 EDT.
    [InlineData("America/New_York", "2021-03-14", "02:30", "2021-03-14T07:30:00Z", "-04:00", "2021-03-14T03:30")]
    // Lord Howe, 2021-10-03: 02:00 → 02:30 (+11); 02:15 → 02:45.
    [InlineData("Australia/Lord_Howe", "2021-10-03", "02:15", "2021-10-02T15:45:00Z", "11:00", "2021-10-03T02:45")]
    // Moscow, 2011-03-27: 02:00 → 03:00 (+04 from then on).
    [InlineData("Europe/Moscow", "2011-03-27", "02:30", "2011-03-26T23:30:00Z", "04:00", "2011-03-27T03:30")]
    // Apia: 2011-12-30 never happened; noon moves forward a whole day.
    [InlineData("Pacific/Apia", "2011-12-30", "12:00", "2011-12-30T22:00:00Z", "14:00", "2011-12-31T12:00")]
    public void A_time_skipped_by_the_clocks_moves_forward_by_the_gap_and_is_flagged(string zone, string date, string time, string utc, string offset, string local)
    {
        var moment = resolver.Resolve(Date(date), Time(time), zone);

        Assert.True(moment.WasInGap);
        Assert.False(moment.WasAmbiguous);
        Assert.Equal(Utc(utc), moment.UtcInstant);
        Assert.Equal(Offset(offset), moment.UtcOffset);
        Assert.Equal(DateTime.Parse(local, CultureInfo.InvariantCulture), moment.LocalDateTime);
    }

    [Fact]
    public void Unknown_time_on_a_skipped_day_is_flagged_as_both()
    {
        var moment = resolver.Resolve(Date("2011-12-30"), null, "Pacific/Apia");

        Assert.False(moment.TimeKnown);
        Assert.True(moment.WasInGap);
        Assert.Equal(Utc("2011-12-30T22:00:00Z"), moment.UtcInstant);
    }

    [Theory]
    // New York, 2021-11-07: 02:00 EDT → 01:00 EST; 01:30 happens at 05:30Z (EDT) and 06:30Z (EST).
    [InlineData("America/New_York", "2021-11-07", "01:30", "2021-11-07T05:30:00Z", "-04:00")]
    // Lord Howe, 2021-04-04: 02:00 (+11) → 01:30 (+10:30); 01:45 happens at 14:45Z and 15:15Z.
    [InlineData("Australia/Lord_Howe", "2021-04-04", "01:45", "2021-04-03T14:45:00Z", "11:00")]
    // Moscow, 2014-10-26: 02:00 (+04) → 01:00 (+03); 01:30 happens at 21:30Z and 22:30Z.
    [InlineData("Europe/Moscow", "2014-10-26", "01:30", "2014-10-25T21:30:00Z", "04:00")]
    // London, 1971-10-31: end of British Standard Time, 03:00 (+1) → 02:00 (GMT).
    [InlineData("Europe/London", "1971-10-31", "02:30", "1971-10-31T01:30:00Z", "01:00")]
    public void An_ambiguous_time_takes_the_earlier_occurrence_and_is_flagged(string zone, string date, string time, string utc, string offset)
    {
        var moment = resolver.Resolve(Date(date), Time(time), zone);

        Assert.True(moment.WasAmbiguous);
        Assert.False(moment.WasInGap);
        Assert.Equal(Utc(utc), moment.UtcInstant);
        Assert.Equal(Offset(offset), moment.UtcOffset);
        Assert.Equal(Date(date).ToDateTime(Time(time)), moment.LocalDateTime);
    }

    [Fact]
    public void Times_just_outside_a_transition_are_not_flagged()
    {
        var beforeGap = resolver.Resolve(Date("2021-03-14"), Time("01:59"), "America/New_York");
        var afterGap = resolver.Resolve(Date("2021-03-14"), Time("03:00"), "America/New_York");
        var afterOverlap = resolver.Resolve(Date("2021-11-07"), Time("02:00"), "America/New_York");

        Assert.Equal(Utc("2021-03-14T06:59:00Z"), beforeGap.UtcInstant);
        Assert.Equal(Utc("2021-03-14T07:00:00Z"), afterGap.UtcInstant);
        Assert.Equal(Utc("2021-11-07T07:00:00Z"), afterOverlap.UtcInstant);
        Assert.All([beforeGap, afterGap, afterOverlap], m => Assert.False(m.WasInGap || m.WasAmbiguous));
    }

    [Fact]
    public void A_fallback_zone_is_reported_as_the_zone_used()
    {
        var oldTzdata = new TimeZoneResolver(
            TimeZoneResolver.LoadEmbeddedFallbacks(),
            id => id == "Europe/Kyiv" ? null : TimeZoneInfo.FindSystemTimeZoneById(id));
        var moment = new BirthMomentResolver(oldTzdata).Resolve(Date("1990-07-15"), Time("12:00"), "Europe/Kyiv");

        Assert.Equal("Europe/Kyiv", moment.TimeZoneId);
        Assert.Equal("Europe/Kiev", moment.ResolvedTimeZoneId);
        // Kyiv 1990 summer: Moscow summer time, UTC+4 until 1990-07-01, then EEST +3 from 1990-07-01 02:00.
        Assert.Equal(Utc("1990-07-15T09:00:00Z"), moment.UtcInstant);
    }

    [Fact]
    public void An_unknown_zone_is_a_clear_error()
    {
        var error = Assert.Throws<TimeZoneNotFoundException>(() => resolver.Resolve(Date("1990-07-15"), Time("12:00"), "Atlantis/Poseidonis"));

        Assert.Contains("Atlantis/Poseidonis", error.Message, StringComparison.Ordinal);
    }

    private static DateOnly Date(string value) => DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static TimeOnly Time(string value) => TimeOnly.ParseExact(value, "HH:mm", CultureInfo.InvariantCulture);

    private static DateTimeOffset Utc(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static TimeSpan Offset(string value) => TimeSpan.Parse(value.TrimStart('+'), CultureInfo.InvariantCulture);
}
