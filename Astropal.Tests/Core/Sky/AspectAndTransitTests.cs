using Astropal.Core.Sky;

namespace Astropal.Tests.Core.Sky;

public sealed class AspectAndTransitTests
{
    private static readonly Ephemeris Ephemeris = new();
    private static readonly AspectFinder Aspects = new();
    private static readonly NatalChartCalculator Natal = new(Ephemeris, new HouseCalculator(), Aspects);

    private static PointPosition P(ChartPoint point, double longitude, double motion = 0) => new(point, longitude, motion);

    [Theory]
    [InlineData(10.0, 17.9, AspectType.Conjunction)]
    [InlineData(10.0, 73.9, AspectType.Sextile)]
    [InlineData(10.0, 105.9, AspectType.Square)]
    [InlineData(350.0, 115.9, AspectType.Trine)]
    [InlineData(0.0, 187.9, AspectType.Opposition)]
    public void Default_orbs_are_8_4_6_6_8(double a, double b, AspectType type)
    {
        var aspect = AspectFinder.Match(P(ChartPoint.Mars, a), P(ChartPoint.Venus, b), AspectOrbs.Default);
        Assert.NotNull(aspect);
        Assert.Equal(type, aspect.Type);
        Assert.Null(AspectFinder.Match(P(ChartPoint.Mars, a), P(ChartPoint.Venus, b + 0.2), AspectOrbs.Default));
    }

    [Fact]
    public void The_Moon_gets_two_more_degrees_and_orbs_are_configurable()
    {
        Assert.NotNull(AspectFinder.Match(P(ChartPoint.Moon, 0), P(ChartPoint.Sun, 9.5), AspectOrbs.Default));
        Assert.Null(AspectFinder.Match(P(ChartPoint.Mars, 0), P(ChartPoint.Sun, 9.5), AspectOrbs.Default));
        Assert.Null(AspectFinder.Match(P(ChartPoint.Mars, 0), P(ChartPoint.Sun, 92), AspectOrbs.Default with { Square = 1 }));
        Assert.Equal(10, AspectOrbs.Default.For(AspectType.Opposition, moonInvolved: true));
    }

    [Fact]
    public void Applying_when_the_orb_shrinks_separating_when_it_grows()
    {
        // Fast Moon at 0° behind Saturn at 5°: conjunction applying; Moon past Saturn: separating.
        Assert.True(AspectFinder.Match(P(ChartPoint.Moon, 0, 13), P(ChartPoint.Saturn, 5, 0.1), AspectOrbs.Default)!.IsApplying);
        Assert.False(AspectFinder.Match(P(ChartPoint.Moon, 10, 13), P(ChartPoint.Saturn, 5, 0.1), AspectOrbs.Default)!.IsApplying);
        // Opposition at 175°, widening towards 180°: applying.
        Assert.True(AspectFinder.Match(P(ChartPoint.Sun, 0, 1), P(ChartPoint.Mars, 175, 1.8), AspectOrbs.Default)!.IsApplying);
        // A retrograde body moving away from a square: separating.
        Assert.False(AspectFinder.Match(P(ChartPoint.Sun, 0, 0), P(ChartPoint.Mercury, 92, 1.2), AspectOrbs.Default)!.IsApplying);
    }

    [Fact]
    public void Exact_instant_of_the_Sun_Moon_conjunction_is_the_new_moon()
    {
        var sky = Ephemeris.Compute(new DateTimeOffset(2026, 2, 17, 0, 0, 0, TimeSpan.Zero));
        var conjunction = Aspects.Find(sky).Single(a => a.First == ChartPoint.Sun && a.Second == ChartPoint.Moon);
        Assert.Equal(AspectType.Conjunction, conjunction.Type);
        Assert.True(conjunction.IsApplying);
        Assert.True(Math.Abs((conjunction.ExactUtc!.Value - new DateTimeOffset(2026, 2, 17, 12, 1, 0, TimeSpan.Zero)).TotalMinutes) <= 1, $"{conjunction.ExactUtc:u}");
    }

    [Fact]
    public void Unknown_birth_time_gives_no_angles_or_houses()
    {
        var chart = Natal.Compute(new NatalChartRequest(new DateTimeOffset(1990, 7, 14, 10, 0, 0, TimeSpan.Zero), BirthTimeKnown: false, 48.8566, 2.3522));
        Assert.False(chart.BirthTimeKnown);
        Assert.Null(chart.Houses);
        Assert.Null(chart.Ascendant);
        Assert.Null(chart.HouseOf(Body.Sun));
        Assert.Equal(10, chart.Points().Count);
        Assert.All(chart.Aspects, a => Assert.True(a.First <= ChartPoint.Pluto && a.Second <= ChartPoint.Pluto));
        Assert.Equal(ZodiacSign.Cancer, chart[Body.Sun].Sign);
    }

    [Fact]
    public void Known_birth_time_gives_houses_angles_and_aspects_sorted_by_orb()
    {
        var chart = Natal.Compute(new NatalChartRequest(new DateTimeOffset(1990, 7, 14, 8, 30, 0, TimeSpan.Zero), BirthTimeKnown: true, 48.8566, 2.3522));
        Assert.NotNull(chart.Houses);
        Assert.Equal(HouseSystem.Placidus, chart.Houses.System);
        Assert.Equal(12, chart.Points().Count);
        Assert.True(chart.IsMoonSignCertain);
        Assert.InRange(chart.HouseOf(Body.Sun)!.Value, 1, 12);
        Assert.NotEmpty(chart.Aspects);
        Assert.Equal(chart.Aspects.OrderBy(a => a.Orb), chart.Aspects);
        Assert.All(chart.Aspects, a => Assert.True(a.Orb <= a.AllowedOrb));
    }

    [Fact]
    public void Moon_sign_is_flagged_uncertain_when_it_changes_sign_during_the_birth_day()
    {
        // The Moon entered Leo at 2026-01-04 13:43 UTC (reference file): noon ± 12 h spans the ingress.
        var chart = Natal.Compute(new NatalChartRequest(new DateTimeOffset(2026, 1, 4, 12, 0, 0, TimeSpan.Zero), BirthTimeKnown: false, 0, 0));
        Assert.False(chart.IsMoonSignCertain);
    }

    [Fact]
    public void Transits_are_ranked_and_their_exact_instants_are_exact()
    {
        var chart = Natal.Compute(new NatalChartRequest(new DateTimeOffset(1990, 7, 14, 8, 30, 0, TimeSpan.Zero), BirthTimeKnown: true, 48.8566, 2.3522));
        var transits = new TransitFinder(Ephemeris).FindForDay(chart, new DateOnly(2026, 12, 1));

        Assert.NotEmpty(transits);
        Assert.Equal(transits.OrderByDescending(t => t.Score), transits);
        foreach (var transit in transits.Where(t => t.Aspect.ExactUtc is not null))
        {
            var longitude = Ephemeris.Position(transit.TransitingBody, transit.Aspect.ExactUtc!.Value).Longitude;
            var separation = Math.Abs(Angle.Wrap180(transit.NatalLongitude - longitude));
            Assert.True(Math.Abs(separation - (int)transit.Aspect.Type) < 0.01, $"{transit.TransitingBody} {transit.Aspect.Type} {transit.NatalPoint}: {separation}");
        }
    }

    [Fact]
    public void Ranking_is_a_pure_function_that_can_be_reweighted()
    {
        var venus = new Transit(new Aspect(ChartPoint.Venus, ChartPoint.Sun, AspectType.Trine, 121, 1, 6, true, null), 0, 0, 0);
        var saturn = new Transit(new Aspect(ChartPoint.Saturn, ChartPoint.Sun, AspectType.Trine, 121, 1, 6, true, null), 0, 0, 0);

        var byDefault = TransitRanking.Rank([venus, saturn], TransitWeights.Default);
        var loveFocus = TransitRanking.Rank([venus, saturn], TransitWeights.Default.WithBody(Body.Venus, 2.0));

        Assert.Equal(Body.Saturn, byDefault[0].TransitingBody);
        Assert.Equal(Body.Venus, loveFocus[0].TransitingBody);
        Assert.Equal(TransitRanking.Score(venus.Aspect, TransitWeights.Default), TransitRanking.Score(venus.Aspect, TransitWeights.Default));
        Assert.True(TransitRanking.Score(venus.Aspect with { Orb = 0.1 }, TransitWeights.Default) > TransitRanking.Score(venus.Aspect, TransitWeights.Default));
    }

    [Fact]
    public void An_aspect_from_or_to_an_angle_that_moves_has_no_exact_instant()
    {
        var jd = AstroTime.JulianDay(new DateTimeOffset(2026, 6, 11, 0, 0, 0, TimeSpan.Zero));
        var fromAngle = new Aspect(ChartPoint.Ascendant, ChartPoint.Sun, AspectType.Trine, 121, 1, 6, true, null);
        var toAngle = new Aspect(ChartPoint.Sun, ChartPoint.Midheaven, AspectType.Trine, 121, 1, 6, true, null);

        Assert.Null(AspectFinder.ExactInstant(fromAngle, jd, null, TimeSpan.FromDays(30)));
        Assert.Null(AspectFinder.ExactInstant(toAngle, jd, null, TimeSpan.FromDays(30)));

        // Fixed at a natal longitude 121° ahead, the trine is exact once the Sun has moved about a degree.
        var natal = Angle.Normalize(Ephemeris.Compute(AstroTime.FromJulianDay(jd))[Body.Sun].Longitude + 121);
        var exact = AspectFinder.ExactInstant(toAngle, jd, natal, TimeSpan.FromDays(30));
        Assert.NotNull(exact);
        Assert.InRange((exact.Value - AstroTime.FromJulianDay(jd)).TotalDays, 0.9, 1.1);
    }

    [Fact]
    public void Weights_can_be_changed_one_body_or_point_at_a_time()
    {
        var weights = TransitWeights.Default.WithBody(Body.Mars, 2.5).WithNatalPoint(ChartPoint.Ascendant, 0.1);

        Assert.Equal(2.5, weights.TransitingBody[(int)Body.Mars]);
        Assert.Equal(0.1, weights.NatalPoint[(int)ChartPoint.Ascendant]);
        Assert.Equal(
            TransitWeights.Default.TransitingBody.Where((_, i) => i != (int)Body.Mars),
            weights.TransitingBody.Where((_, i) => i != (int)Body.Mars));
        Assert.Equal(TransitWeights.Default.NatalPoint[(int)ChartPoint.Sun], weights.NatalPoint[(int)ChartPoint.Sun]);
    }

    [Fact]
    public void No_transits_need_no_exact_instants()
    {
        var finder = new TransitFinder(Ephemeris);

        Assert.Empty(finder.WithExactInstants([], new DateTimeOffset(2026, 6, 11, 0, 0, 0, TimeSpan.Zero)));
    }
}
