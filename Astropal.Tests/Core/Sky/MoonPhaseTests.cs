using Astropal.Core.Sky;

namespace Astropal.Tests.Core.Sky;

public sealed class MoonPhaseTests
{
    [Theory]
    [InlineData(0, MoonPhaseName.NewMoon)]
    [InlineData(22.49, MoonPhaseName.NewMoon)]
    [InlineData(22.5, MoonPhaseName.WaxingCrescent)]
    [InlineData(90, MoonPhaseName.FirstQuarter)]
    [InlineData(135, MoonPhaseName.WaxingGibbous)]
    [InlineData(180, MoonPhaseName.FullMoon)]
    [InlineData(225, MoonPhaseName.WaningGibbous)]
    [InlineData(270, MoonPhaseName.LastQuarter)]
    [InlineData(315, MoonPhaseName.WaningCrescent)]
    [InlineData(337.5, MoonPhaseName.NewMoon)]
    [InlineData(-10, MoonPhaseName.NewMoon)]
    [InlineData(540, MoonPhaseName.FullMoon)]
    public void Each_name_covers_the_45_degree_sector_centred_on_it(double phaseAngle, MoonPhaseName expected)
    {
        var phase = MoonPhase.From(phaseAngle, 0.5);

        Assert.Equal(expected, phase.Name);
        Assert.InRange(phase.PhaseAngle, 0, 360);
        Assert.Equal(0.5, phase.IlluminatedFraction);
    }

    [Theory]
    [InlineData(MoonPhaseName.NewMoon, "New moon")]
    [InlineData(MoonPhaseName.WaxingCrescent, "Waxing crescent")]
    [InlineData(MoonPhaseName.FirstQuarter, "First quarter")]
    [InlineData(MoonPhaseName.WaxingGibbous, "Waxing gibbous")]
    [InlineData(MoonPhaseName.FullMoon, "Full moon")]
    [InlineData(MoonPhaseName.WaningGibbous, "Waning gibbous")]
    [InlineData(MoonPhaseName.LastQuarter, "Last quarter")]
    [InlineData(MoonPhaseName.WaningCrescent, "Waning crescent")]
    public void Every_phase_has_an_english_display_name(MoonPhaseName phase, string expected) =>
        Assert.Equal(expected, phase.Display());

    [Fact]
    public void An_undefined_phase_has_no_name() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ((MoonPhaseName)8).Display());
}
