using Astropal.Core.Sky;

namespace Astropal.Tests.Core.Sky;

/// <summary>The spot checks of the reference README: Meeus examples, eclipses, the 2020 great conjunction, seasons.</summary>
public sealed class SpotCheckTests
{
    private static readonly Ephemeris Ephemeris = new();

    /// <summary>The UTC instant of a Terrestrial Time instant (Meeus's examples are given in TD).</summary>
    private static DateTimeOffset FromTerrestrialTime(DateTimeOffset td)
    {
        var jd = AstroTime.JulianDay(td);
        var ut = jd - (AstroTime.DeltaTSeconds(jd) / 86400);
        ut = jd - (AstroTime.DeltaTSeconds(ut) / 86400);
        return AstroTime.FromJulianDay(ut);
    }

    [Fact]
    public void Sun_matches_Meeus_example_25b_within_one_arcsecond()
    {
        var sky = Ephemeris.Compute(FromTerrestrialTime(new DateTimeOffset(1992, 10, 13, 0, 0, 0, TimeSpan.Zero)));
        var error = Math.Abs(sky[Body.Sun].Longitude - 199.906061) * 3600;
        Assert.True(error <= 1.0, $"Sun off by {error:0.00}″");
    }

    [Fact]
    public void Moon_matches_Meeus_example_47a_within_four_arcseconds()
    {
        var sky = Ephemeris.Compute(FromTerrestrialTime(new DateTimeOffset(1992, 4, 12, 0, 0, 0, TimeSpan.Zero)));
        var error = Math.Abs(sky[Body.Moon].Longitude - 133.167265) * 3600;
        Assert.True(error <= 4.0, $"Moon off by {error:0.00}″");
    }

    [Fact]
    public void Total_eclipse_of_2024_04_08_has_Sun_and_Moon_near_19_4_Aries()
    {
        var sky = Ephemeris.Compute(new DateTimeOffset(2024, 4, 8, 18, 18, 0, TimeSpan.Zero));
        Assert.Equal(ZodiacSign.Aries, sky[Body.Sun].Sign);
        Assert.Equal(19.40, sky[Body.Sun].DegreeInSign, 2);
        Assert.Equal(19.37, sky[Body.Moon].DegreeInSign, 2);
    }

    [Fact]
    public void Eclipse_of_2017_08_21_has_Sun_and_Moon_at_Leo_28_53()
    {
        var sky = Ephemeris.Compute(new DateTimeOffset(2017, 8, 21, 18, 30, 0, TimeSpan.Zero));
        Assert.Equal("28°53′ Leo", Zodiac.Format(sky[Body.Sun].Longitude));
        Assert.Equal("28°53′ Leo", Zodiac.Format(sky[Body.Moon].Longitude));
    }

    [Fact]
    public void Great_conjunction_of_2020_is_exact_at_Aquarius_0_29()
    {
        var sky = Ephemeris.Compute(new DateTimeOffset(2020, 12, 20, 0, 0, 0, TimeSpan.Zero));
        var conjunction = new AspectFinder().Find(sky)
            .Single(a => a.First == ChartPoint.Jupiter && a.Second == ChartPoint.Saturn);
        Assert.Equal(AspectType.Conjunction, conjunction.Type);
        Assert.True(conjunction.IsApplying);
        Assert.NotNull(conjunction.ExactUtc);
        Assert.Equal(new DateOnly(2020, 12, 21), DateOnly.FromDateTime(conjunction.ExactUtc.Value.UtcDateTime));

        var exact = Ephemeris.Compute(conjunction.ExactUtc.Value);
        Assert.Equal(ZodiacSign.Aquarius, exact[Body.Jupiter].Sign);
        Assert.Equal(29.15 / 60, exact[Body.Jupiter].DegreeInSign, 2);
        Assert.Equal(exact[Body.Jupiter].Longitude, exact[Body.Saturn].Longitude, 4);
    }

    [Fact]
    public void Seasons_of_2024_fall_on_the_published_minutes()
    {
        var events = new SkyEventFinder().Find(new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 12, 31, 0, 0, 0, TimeSpan.Zero));
        DateTimeOffset[] expected =
        [
            new(2024, 3, 20, 3, 6, 0, TimeSpan.Zero),
            new(2024, 6, 20, 20, 51, 0, TimeSpan.Zero),
            new(2024, 9, 22, 12, 44, 0, TimeSpan.Zero),
            new(2024, 12, 21, 9, 20, 0, TimeSpan.Zero),
        ];
        var found = events
            .Where(e => e.Body == Body.Sun && e.Kind == SkyEventKind.Ingress && (int)e.Sign % 3 == 0)
            .Select(e => e.Utc)
            .ToList();
        Assert.Equal(4, found.Count);
        foreach (var (ours, published) in found.Zip(expected))
        {
            Assert.True(Math.Abs((ours - published).TotalMinutes) <= 1.5, $"{ours:u} vs {published:u}");
        }
    }

    [Fact]
    public void Pluto_from_Meeus_chapter_37_stays_within_36_arcseconds_after_2099()
    {
        // Meeus's series is fitted to 1885–2099; the reference rows of 2099–2100 show how it extrapolates.
        var rows = ReferenceData.Positions.Where(r => r.Instant().Year >= 2099).ToList();
        Assert.NotEmpty(rows);
        var worst = rows.Max(r => Math.Abs(Angle.Wrap180(Ephemeris.Compute(r.Instant())[Body.Pluto].Longitude - r.Number("pluto_lon"))));
        Assert.True(worst <= 0.01, $"worst Pluto error after 2099: {worst * 3600:0.0}″ over {rows.Count} rows");
    }
}
