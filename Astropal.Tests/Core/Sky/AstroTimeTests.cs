using Astropal.Core.Sky;

namespace Astropal.Tests.Core.Sky;

public sealed class AstroTimeTests
{
    // Historical ΔT (TT − UT, seconds) at the start of each year, from the tables of Morrison and Stephenson
    // that the Espenak–Meeus polynomials were fitted to; birth dates go back to about 1900.
    [Theory]
    [InlineData(1870, 1.6)]
    [InlineData(1880, -5.4)]
    [InlineData(1890, -5.9)]
    [InlineData(1900, -2.7)]
    [InlineData(1920, 21.2)]
    [InlineData(1950, 29.1)]
    [InlineData(1980, 50.5)]
    [InlineData(2000, 63.8)]
    public void Delta_t_follows_the_historical_values_within_a_second(int year, double seconds)
    {
        var jd = AstroTime.JulianDay(new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.InRange(AstroTime.DeltaTSeconds(jd), seconds - 1, seconds + 1);
    }

    [Fact]
    public void Julian_days_round_trip_to_the_millisecond()
    {
        var instant = new DateTimeOffset(1987, 4, 10, 19, 21, 0, TimeSpan.Zero);

        Assert.Equal(2446896.30625, AstroTime.JulianDay(instant), 6);
        Assert.Equal(instant, AstroTime.FromJulianDay(AstroTime.JulianDay(instant)), TimeSpan.FromMilliseconds(1));
    }
}
