using Astropal.Core.Sky;

namespace Astropal.Tests.Core.Sky;

public sealed class ZodiacTests
{
    [Theory]
    [InlineData(0.0, ZodiacSign.Aries)]
    [InlineData(29.999999, ZodiacSign.Aries)]
    [InlineData(30.0, ZodiacSign.Taurus)]
    [InlineData(359.99999, ZodiacSign.Pisces)]
    [InlineData(-0.5, ZodiacSign.Pisces)]
    [InlineData(725.0, ZodiacSign.Aries)]
    public void Sign_is_floor_of_longitude_over_30(double longitude, ZodiacSign sign) =>
        Assert.Equal(sign, Zodiac.SignOf(longitude));

    [Theory]
    [InlineData(74.0333333, "14°02′ Gemini")]
    [InlineData(29.99999, "0°00′ Taurus")]
    [InlineData(359.999999, "0°00′ Aries")]
    [InlineData(300.485, "0°29′ Aquarius")]
    public void Format_gives_degrees_and_minutes_in_sign(double longitude, string text) =>
        Assert.Equal(text, Zodiac.Format(longitude));

    [Fact]
    public void Degree_in_sign_and_neighbours()
    {
        Assert.Equal(14.5, Zodiac.DegreeInSign(74.5), 9);
        Assert.Equal(ZodiacSign.Aries, ZodiacSign.Pisces.Next());
        Assert.Equal(ZodiacSign.Pisces, ZodiacSign.Aries.Previous());
        Assert.Equal(90.0, Zodiac.StartOf(ZodiacSign.Cancer));
    }

    [Theory]
    [InlineData(0.0, MoonPhaseName.NewMoon)]
    [InlineData(350.0, MoonPhaseName.NewMoon)]
    [InlineData(40.0, MoonPhaseName.WaxingCrescent)]
    [InlineData(90.0, MoonPhaseName.FirstQuarter)]
    [InlineData(140.0, MoonPhaseName.WaxingGibbous)]
    [InlineData(180.0, MoonPhaseName.FullMoon)]
    [InlineData(230.0, MoonPhaseName.WaningGibbous)]
    [InlineData(270.0, MoonPhaseName.LastQuarter)]
    [InlineData(300.0, MoonPhaseName.WaningCrescent)]
    public void Moon_phase_names_cover_45_degree_sectors(double angle, MoonPhaseName name) =>
        Assert.Equal(name, MoonPhase.From(angle, 0.5).Name);

    [Fact]
    public void Angles_normalise_and_wrap()
    {
        Assert.Equal(0.0, Angle.Normalize(-1e-15));
        Assert.Equal(350.0, Angle.Normalize(-10), 9);
        Assert.Equal(180.0, Angle.Wrap180(180));
        Assert.Equal(-170.0, Angle.Wrap180(190), 9);
    }

    [Fact]
    public void Body_positions_expose_sign_degree_and_retrograde()
    {
        var position = new BodyPosition(Body.Mercury, 74.5, -0.3);
        Assert.Equal(ZodiacSign.Gemini, position.Sign);
        Assert.Equal(14.5, position.DegreeInSign, 9);
        Assert.True(position.IsRetrograde);
        Assert.False(new BodyPosition(Body.Moon, 74.5, -0.3).IsRetrograde);
        Assert.Equal("Mercury 14°30′ Gemini R", position.ToString());
    }
}
