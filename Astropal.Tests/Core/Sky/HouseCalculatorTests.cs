using System.Globalization;
using Astropal.Core.Sky;

namespace Astropal.Tests.Core.Sky;

public sealed class HouseCalculatorTests
{
    private static readonly HouseCalculator Houses = new();
    private static readonly Ephemeris Ephemeris = new();

    private static HouseCusps Compute(IReadOnlyDictionary<string, string> row) =>
        Houses.Compute(row.Instant(), row.Number("latitude"), row.Number("longitude"));

    [Fact]
    public void Ramc_matches_reference_sidereal_time_within_a_hundredth_of_a_second_of_arc_per_degree()
    {
        var worst = ReferenceData.Positions.Max(r => Math.Abs(Angle.Wrap180(Compute(r).Ramc - r.Number("ramc"))));
        Assert.True(worst <= 0.001, $"worst RAMC error {worst * 3600:0.00}″");
    }

    [Fact]
    public void Ascendant_and_midheaven_match_reference_within_36_arcseconds_up_to_60_degrees_latitude()
    {
        double worstAsc = 0, worstMc = 0;
        foreach (var row in ReferenceData.Positions.Where(r => Math.Abs(r.Number("latitude")) <= 60))
        {
            var houses = Compute(row);
            worstAsc = Math.Max(worstAsc, Math.Abs(Angle.Wrap180(houses.Ascendant - row.Number("asc"))));
            worstMc = Math.Max(worstMc, Math.Abs(Angle.Wrap180(houses.Midheaven - row.Number("mc"))));
        }

        Assert.True(worstAsc <= 0.01 && worstMc <= 0.01, $"worst Asc {worstAsc * 3600:0.0}″, worst MC {worstMc * 3600:0.0}″");
    }

    [Fact]
    public void Placidus_cusps_match_reference_within_36_arcseconds_up_to_60_degrees_latitude()
    {
        var worst = 0.0;
        var at = "";
        foreach (var row in ReferenceData.Positions.Where(r => Math.Abs(r.Number("latitude")) <= 60))
        {
            var houses = Compute(row);
            Assert.NotNull(houses.PlacidusCusps);
            for (var i = 0; i < 12; i++)
            {
                var error = Math.Abs(Angle.Wrap180(houses.PlacidusCusps[i] - row.Number($"placidus_c{i + 1}")));
                if (error > worst)
                {
                    worst = error;
                    at = string.Create(CultureInfo.InvariantCulture, $"row {row["id"]} cusp {i + 1}");
                }
            }
        }

        Assert.True(worst <= 0.01, $"worst cusp error {worst * 3600:0.0}″ at {at}");
    }

    [Fact]
    public void Whole_sign_houses_start_at_the_ascendant_sign()
    {
        foreach (var row in ReferenceData.Positions.Take(50))
        {
            var houses = Compute(row);
            Assert.Equal(row.Number("whole_sign_house1"), houses.WholeSignCusps[0], 6);
            Assert.Equal(Angle.Normalize(houses.WholeSignCusps[0] + 90), houses.WholeSignCusps[3], 6);
        }
    }

    [Fact]
    public void Snapshot_and_instant_overloads_agree()
    {
        var utc = new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);
        var fromSky = Houses.Compute(Ephemeris.Compute(utc), 51.5, -0.13);
        var direct = Houses.Compute(utc, 51.5, -0.13);
        Assert.Equal(direct.Ascendant, fromSky.Ascendant, 9);
        Assert.Equal(direct.PlacidusCusps![1], fromSky.PlacidusCusps![1], 9);
    }

    [Theory]
    [InlineData(69.65)]
    [InlineData(-78.2)]
    public void Placidus_is_undefined_beyond_the_polar_circles_and_falls_back_to_whole_sign(double latitude)
    {
        var houses = Houses.Compute(new DateTimeOffset(2026, 6, 21, 12, 0, 0, TimeSpan.Zero), latitude, 18.96);
        Assert.False(houses.IsPlacidusDefined);
        Assert.Equal(HouseSystem.WholeSign, houses.System);
        Assert.Same(houses.WholeSignCusps, houses.Cusps);
    }

    [Fact]
    public void HouseOf_places_longitudes_between_cusps()
    {
        var houses = Houses.Compute(new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero), 51.5, -0.13);
        Assert.Equal(1, houses.HouseOf(houses.Ascendant + 0.001));
        Assert.Equal(12, houses.HouseOf(houses.Ascendant - 0.001));
        Assert.Equal(10, houses.HouseOf(houses.Midheaven + 0.001));
        Assert.Equal(4, houses.HouseOf(houses.Midheaven + 180.001, HouseSystem.Placidus));
    }

    [Fact]
    public void Apparent_sidereal_time_matches_Meeus_example_12a()
    {
        // 1987-04-10 0h UT: 13h10m46.1351s = 197.692229791…°.
        var sky = Ephemeris.Compute(new DateTimeOffset(1987, 4, 10, 0, 0, 0, TimeSpan.Zero));
        Assert.True(Math.Abs(sky.ApparentSiderealTime - (13 + (10 / 60.0) + (46.1351 / 3600.0)) * 15) < 0.0001, $"{sky.ApparentSiderealTime}");
    }

    [Theory]
    [InlineData(90.01, 0, "latitude")]
    [InlineData(-91, 0, "latitude")]
    [InlineData(double.NaN, 0, "latitude")]
    [InlineData(51.5, 180.5, "longitude")]
    [InlineData(51.5, double.PositiveInfinity, "longitude")]
    public void A_place_off_the_globe_is_refused(double latitude, double longitude, string parameter)
    {
        var utc = new DateTimeOffset(2026, 12, 4, 6, 0, 0, TimeSpan.Zero);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Houses.Compute(utc, latitude, longitude));

        Assert.Equal(parameter, error.ParamName);
    }
}
