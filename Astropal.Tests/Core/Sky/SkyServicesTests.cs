using Astropal.Core.Places;
using Astropal.Core.Sky;
using Microsoft.Extensions.DependencyInjection;

namespace Astropal.Tests.Core.Sky;

public sealed class SkyServicesTests
{
    [Fact]
    public void The_sky_calculations_are_shared_singletons_and_compute_a_birth_chart()
    {
        using var provider = new ServiceCollection().AddLogging().AddAstropalPlaces().AddSkyCalculations()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.Same(provider.GetRequiredService<Ephemeris>(), provider.GetRequiredService<Ephemeris>());
        Assert.Same(provider.GetRequiredService<TransitFinder>(), provider.GetRequiredService<TransitFinder>());
        Assert.NotNull(provider.GetRequiredService<SkyEventFinder>());
        var chart = provider.GetRequiredService<BirthChartCalculator>()
            .Compute(new BirthData(new DateOnly(1990, 7, 15), new TimeOnly(12, 0), 35.6895, 139.69171, "Asia/Tokyo"));
        Assert.Equal(new DateTimeOffset(1990, 7, 15, 3, 0, 0, TimeSpan.Zero), chart.Moment.UtcInstant);
        Assert.Equal(ZodiacSign.Cancer, Zodiac.SignOf(chart.Chart[Body.Sun].Longitude));
    }
}
