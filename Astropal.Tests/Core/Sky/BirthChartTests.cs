using Astropal.Core.Places;
using Astropal.Core.Sky;

namespace Astropal.Tests.Core.Sky;

public sealed class BirthChartTests
{
    private static readonly Ephemeris Sky = new();
    private static readonly BirthChartCalculator Calculator = new(
        new BirthMomentResolver(new TimeZoneResolver()),
        new NatalChartCalculator(Sky, new HouseCalculator(), new AspectFinder()));

    [Theory]
    // London in summer time (BST, UTC+1).
    [InlineData("1990-07-15", "12:00", "Europe/London", "1990-07-15T11:00:00Z")]
    // British Standard Time experiment: UTC+1 all year 1968–1971, even in January.
    [InlineData("1970-01-15", "12:00", "Europe/London", "1970-01-15T11:00:00Z")]
    // New York, winter (EST, UTC−5) and summer (EDT, UTC−4).
    [InlineData("1985-01-10", "08:30", "America/New_York", "1985-01-10T13:30:00Z")]
    [InlineData("1985-07-10", "08:30", "America/New_York", "1985-07-10T12:30:00Z")]
    // India, UTC+5:30 with no daylight saving.
    [InlineData("2001-03-03", "06:15", "Asia/Kolkata", "2001-03-03T00:45:00Z")]
    // Moscow on permanent UTC+4 between 2011 and 2014, UTC+3 after.
    [InlineData("2012-12-01", "10:00", "Europe/Moscow", "2012-12-01T06:00:00Z")]
    [InlineData("2015-12-01", "10:00", "Europe/Moscow", "2015-12-01T07:00:00Z")]
    public void Local_birth_times_become_utc_with_the_zones_historical_rules(string date, string time, string zone, string expectedUtc)
    {
        var birth = new BirthData(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
            TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture), 51.5, -0.13, zone);

        var chart = Calculator.Compute(birth);

        var utc = DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(utc, chart.Moment.UtcInstant);
        Assert.Equal(utc, chart.Chart.Request.Utc);
        Assert.Equal(Sky.Compute(utc)[Body.Sun].Longitude, chart.Chart[Body.Sun].Longitude, 9);
        Assert.NotNull(chart.Chart.Ascendant);
    }

    [Fact]
    public void A_birth_time_skipped_by_the_spring_change_moves_forward_and_is_flagged()
    {
        var chart = Calculator.Compute(new BirthData(new DateOnly(2021, 3, 14), new TimeOnly(2, 30), 40.71, -74.01, "America/New_York"));

        Assert.True(chart.Moment.WasInGap);
        Assert.Equal(new DateTimeOffset(2021, 3, 14, 7, 30, 0, TimeSpan.Zero), chart.Moment.UtcInstant);
    }

    [Fact]
    public void An_unknown_birth_time_is_cast_for_local_noon_without_ascendant_or_houses()
    {
        var chart = Calculator.Compute(new BirthData(new DateOnly(1990, 5, 17), null, 51.5, -0.13, "Europe/London"));

        Assert.False(chart.Chart.BirthTimeKnown);
        Assert.Equal(new DateTimeOffset(1990, 5, 17, 11, 0, 0, TimeSpan.Zero), chart.Moment.UtcInstant);
        Assert.Null(chart.Chart.Ascendant);
        Assert.Null(chart.Chart.Midheaven);
        Assert.Null(chart.Chart.Houses);
        Assert.Null(chart.Chart.HouseOf(Body.Sun));
    }

    [Fact]
    public void Birth_data_takes_the_coordinates_and_zone_of_the_chosen_place()
    {
        var place = new GazetteerCity(2643743, "London", "ENG", null, "GB", "United Kingdom", 51.50853, -0.12574, "Europe/London", 8961989, "London, United Kingdom", false);

        var birth = BirthData.At(new DateOnly(1990, 7, 15), new TimeOnly(8, 30), place);

        Assert.Equal(new BirthData(new DateOnly(1990, 7, 15), new TimeOnly(8, 30), 51.50853, -0.12574, "Europe/London"), birth);
    }
}
