using Astropal.Core.Places;
using Microsoft.Extensions.DependencyInjection;

namespace Astropal.Tests.Core.Places;

public sealed class PlacesFeatureTests
{
    [Fact]
    public void Registers_the_places_services_as_singletons()
    {
        using var provider = new ServiceCollection().AddAstropalPlaces().BuildServiceProvider(validateScopes: true);

        Assert.Same(provider.GetRequiredService<Gazetteer>(), provider.GetRequiredService<Gazetteer>());
        Assert.Same(provider.GetRequiredService<TimeZoneResolver>(), provider.GetRequiredService<TimeZoneResolver>());
        var moment = provider.GetRequiredService<BirthMomentResolver>().Resolve(new DateOnly(1990, 7, 15), new TimeOnly(12, 0), "Asia/Tokyo");
        Assert.Equal(new DateTimeOffset(1990, 7, 15, 3, 0, 0, TimeSpan.Zero), moment.UtcInstant);
    }
}
