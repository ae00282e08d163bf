using System.Globalization;
using System.Text;
using Astropal.Core.Sky;

namespace Astropal.Tests.Core.Sky;

public sealed class EphemerisAccuracyTests
{
    private static readonly Ephemeris Ephemeris = new();

    private static string Column(Body body) => body.ToString().ToLowerInvariant();

    private static (double Worst, string Report) WorstError(Body body, Func<DateTimeOffset, bool> include)
    {
        var worst = 0.0;
        var worstRow = "";
        foreach (var row in ReferenceData.Positions)
        {
            var utc = row.Instant();
            if (!include(utc))
            {
                continue;
            }

            var sky = Ephemeris.Compute(utc);
            var error = Math.Abs(Angle.Wrap180(sky[body].Longitude - row.Number(Column(body) + "_lon")));
            if (error > worst)
            {
                worst = error;
                worstRow = row["id"] + " " + row["utc_instant"];
            }
        }

        return (worst, string.Create(CultureInfo.InvariantCulture, $"{body}: worst {worst * 3600:0.0}″ at row {worstRow}"));
    }

    [Theory]
    [InlineData(Body.Sun)]
    [InlineData(Body.Mercury)]
    [InlineData(Body.Venus)]
    [InlineData(Body.Mars)]
    [InlineData(Body.Jupiter)]
    [InlineData(Body.Saturn)]
    [InlineData(Body.Uranus)]
    [InlineData(Body.Neptune)]
    [InlineData(Body.Pluto)]
    public void Sun_and_planet_longitudes_match_reference_within_36_arcseconds(Body body)
    {
        var (worst, report) = WorstError(body, _ => true);
        Assert.True(worst <= 0.01, report);
    }

    [Fact]
    public void Moon_longitude_matches_reference_within_36_arcseconds_from_1950_to_2030()
    {
        var (worst, report) = WorstError(Body.Moon, utc => utc.Year is >= 1950 and < 2030);
        Assert.True(worst <= 0.01, report);
    }

    [Fact]
    public void Moon_longitude_matches_reference_within_108_arcseconds_elsewhere()
    {
        var (worst, report) = WorstError(Body.Moon, _ => true);
        Assert.True(worst <= 0.03, report);
    }

    [Fact]
    public void DeltaT_matches_the_Espenak_Meeus_values_of_the_reference()
    {
        var worst = ReferenceData.Positions.Max(r => Math.Abs(AstroTime.DeltaTSeconds(r.Number("jd_ut")) - r.Number("delta_t_s")));
        Assert.True(worst <= 0.006, $"worst ΔT difference {worst:0.000} s");
    }

    [Fact]
    public void Moon_phase_angle_and_illuminated_fraction_match_reference()
    {
        double worstAngle = 0, worstFraction = 0;
        foreach (var row in ReferenceData.Positions)
        {
            var sky = Ephemeris.Compute(row.Instant());
            worstAngle = Math.Max(worstAngle, Math.Abs(Angle.Wrap180(sky.Moon.PhaseAngle - row.Number("moon_phase_angle"))));
            worstFraction = Math.Max(worstFraction, Math.Abs(sky.Moon.IlluminatedFraction - row.Number("moon_illum_fraction")));
        }

        Assert.True(worstAngle <= 0.03 && worstFraction <= 0.0005, $"worst phase angle {worstAngle:0.00000}°, worst fraction {worstFraction:0.000000}");
    }

    [Fact]
    public void Signs_and_retrograde_flags_agree_with_reference_away_from_boundaries_and_stations()
    {
        var failures = new StringBuilder();
        foreach (var row in ReferenceData.Positions)
        {
            var sky = Ephemeris.Compute(row.Instant());
            foreach (var body in Bodies.All)
            {
                var lon = row.Number(Column(body) + "_lon");
                var nearBoundary = Math.Abs(Angle.Wrap180(lon - (30 * Math.Round(lon / 30)))) < 0.01;
                if (!nearBoundary && sky[body].Sign != Zodiac.SignOf(lon))
                {
                    failures.AppendLine(CultureInfo.InvariantCulture, $"row {row["id"]} {body} sign {sky[body].Sign} vs {Zodiac.SignOf(lon)}");
                }

                var motion = row.Number(Column(body) + "_motion_24h");
                if (Math.Abs(motion) >= 0.0005 && sky[body].IsRetrograde != (row["" + Column(body) + "_retro"] == "1"))
                {
                    failures.AppendLine(CultureInfo.InvariantCulture, $"row {row["id"]} {body} retrograde {sky[body].IsRetrograde} (motion {sky[body].DailyMotion}) vs {motion}");
                }
            }
        }

        Assert.True(failures.Length == 0, failures.ToString());
    }

    [Fact]
    public void Daily_motion_is_close_to_the_reference_24_hour_motion()
    {
        var worst = 0.0;
        var at = "";
        foreach (var row in ReferenceData.Positions)
        {
            var sky = Ephemeris.Compute(row.Instant());
            foreach (var body in Bodies.All)
            {
                var error = Math.Abs(sky[body].DailyMotion - row.Number(Column(body) + "_motion_24h"));
                if (error > worst)
                {
                    worst = error;
                    at = $"{body} row {row["id"]}";
                }
            }
        }

        // The instantaneous rate differs from the ±12 h chord by λ‴/24: up to ~0.01°/day for the Moon.
        Assert.True(worst <= 0.02, $"worst {worst:0.000000}°/day at {at}");
    }

    [Fact]
    public void Motion24h_matches_reference_column()
    {
        var worst = 0.0;
        foreach (var row in ReferenceData.Positions.Take(60))
        {
            foreach (var body in Bodies.All)
            {
                worst = Math.Max(worst, Math.Abs(Ephemeris.Motion24h(body, row.Instant()) - row.Number(Column(body) + "_motion_24h")));
            }
        }

        // Both sides are chords of longitudes that differ by a few arcseconds (the Moon most).
        Assert.True(worst <= 0.002, $"worst {worst:0.0000000}°/day");
    }
}
