using Astropal.Core.Sky;

namespace Astropal.Tests.Core.Sky;

/// <summary>The root refinement behind every exact instant (transits, ingresses, stations, lunar phases).</summary>
public sealed class RootFinderTests
{
    private const double Tolerance = 1e-7; // day, about 0.01 s

    // 2026-06-11 00:00 UT.
    private static readonly double Start = AstroTime.JulianDay(new DateTimeOffset(2026, 6, 11, 0, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(Body.Moon, 123.4)]
    [InlineData(Body.Moon, 301.0)]
    [InlineData(Body.Sun, 80.25)]
    [InlineData(Body.Mars, 47.9)]
    public void A_body_reaching_a_longitude_is_found_to_the_hundredth_of_a_second_in_far_fewer_evaluations_than_halving(Body body, double target)
    {
        var calls = 0;
        double Offset(double jd)
        {
            calls++;
            EphemerisCore.ComputeBody(body, jd, out var state);
            return Angle.Wrap180(state.Longitude - target);
        }

        var step = body == Body.Moon ? 0.25 : 1.0;
        var root = RootFinder.FindFirstCrossing(Offset, Start, step, 400);
        Assert.NotNull(root);
        var bracketing = calls;

        var expected = Halve(Offset, root.Value - step, root.Value + step);
        Assert.True(Math.Abs(root.Value - expected) <= Tolerance, $"{(root.Value - expected) * 86400:0.000} s from halving");
        EphemerisCore.ComputeBody(body, root.Value, out var at);
        Assert.True(Math.Abs(Angle.Wrap180(at.Longitude - target)) * 3600 < 0.1, $"{Angle.Wrap180(at.Longitude - target) * 3600:0.000}″ from {target}°");

        calls = 0;
        var a = root.Value - (step / 3);
        var b = a + step;
        RootFinder.Refine(Offset, a, Offset(a), b, Offset(b));
        Assert.True(calls - 2 <= 10, $"{calls - 2} evaluations to refine a {step}-day bracket (halving takes 23); {bracketing} in all while bracketing");
    }

    [Theory]
    [InlineData(Body.Saturn, 4.0, 30)]
    [InlineData(Body.Jupiter, 2.5, 30)]
    [InlineData(Body.Moon, 40.0, 3)]
    [InlineData(Body.Mars, 11.0, 30)]
    public void Striding_by_the_bodys_top_speed_finds_the_same_crossing_or_the_same_absence_with_fewer_evaluations(Body body, double degreesAhead, int windowDays)
    {
        EphemerisCore.ComputeBody(body, Start, out var now);
        var target = Angle.Normalize(now.Longitude + (Math.Sign(now.Motion) * degreesAhead));
        var fixedCalls = 0;
        var stridingCalls = 0;
        double Offset(double jd, ref int calls)
        {
            calls++;
            EphemerisCore.ComputeBody(body, jd, out var state);
            return Angle.Wrap180(state.Longitude - target);
        }

        var step = body == Body.Moon ? 0.25 : 1.0;
        var stepping = RootFinder.FindFirstCrossing(jd => Offset(jd, ref fixedCalls), Start, step, windowDays);
        var striding = RootFinder.FindFirstCrossing(jd => Offset(jd, ref stridingCalls), Start, step, windowDays, body.MaxDailyMotion());

        Assert.Equal(stepping is null, striding is null);
        if (stepping is { } expected)
        {
            Assert.True(Math.Abs(striding!.Value - expected) <= Tolerance, $"{(striding.Value - expected) * 86400:0.000} s apart");
        }

        Assert.True(stridingCalls < fixedCalls, $"{stridingCalls} evaluations striding, {fixedCalls} stepping");
    }

    [Fact]
    public void A_function_with_a_sharp_bend_next_to_its_root_still_converges_within_the_tolerance()
    {
        // Slope 1,000 left of the root, 0.001 right of it: false position alone would crawl from one side.
        const double zero = 0.3141;
        static double Bent(double x) => x < zero ? (x - zero) * 1000 : (x - zero) * 0.001;

        var root = RootFinder.Refine(Bent, 0, Bent(0), 1, Bent(1));

        Assert.True(Math.Abs(root - zero) <= Tolerance, $"{root} against {zero}");
    }

    [Fact]
    public void An_end_of_the_bracket_that_is_already_a_zero_is_returned_as_it_is()
    {
        Assert.Equal(2.0, RootFinder.Refine(x => x - 2, 1, -1, 2, 0));
    }

    private static double Halve(Func<double, double> f, double a, double b)
    {
        var fa = f(a);
        while (b - a > Tolerance / 4)
        {
            var m = 0.5 * (a + b);
            var fm = f(m);
            if (fa < 0 == fm < 0)
            {
                a = m;
                fa = fm;
            }
            else
            {
                b = m;
            }
        }

        return 0.5 * (a + b);
    }

    [Fact]
    public void A_start_that_is_already_a_zero_is_returned_without_walking()
    {
        var calls = 0;

        var root = RootFinder.FindFirstCrossing(x => { calls++; return x - Start; }, Start, 1, 30);

        Assert.Equal(Start, root);
        Assert.Equal(1, calls);
    }

    [Fact]
    public void No_zero_within_the_span_gives_null() =>
        Assert.Null(RootFinder.FindFirstCrossing(x => 10 + (Start - x), Start, -1, 30, maxRate: 1));
}
