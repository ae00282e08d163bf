using Astropal.Core.Places;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Astropal.Tests.Core.Places;

public sealed class PlacesFeatureTests
{
    [Fact]
    public void Registers_the_places_services_as_singletons()
    {
        using var provider = new ServiceCollection().AddLogging().AddAstropalPlaces().BuildServiceProvider(validateScopes: true);

        Assert.Same(provider.GetRequiredService<Gazetteer>(), provider.GetRequiredService<Gazetteer>());
        Assert.Same(provider.GetRequiredService<TimeZoneResolver>(), provider.GetRequiredService<TimeZoneResolver>());
        var moment = provider.GetRequiredService<BirthMomentResolver>().Resolve(new DateOnly(1990, 7, 15), new TimeOnly(12, 0), "Asia/Tokyo");
        Assert.Equal(new DateTimeOffset(1990, 7, 15, 3, 0, 0, TimeSpan.Zero), moment.UtcInstant);
    }

    [Fact]
    public async Task Preloads_the_gazetteer_in_the_background_when_the_host_starts()
    {
        using var provider = new ServiceCollection().AddLogging().AddAstropalPlaces().AddAstropalPlaces().BuildServiceProvider();
        var preloader = Assert.Single(provider.GetServices<IHostedService>().OfType<GazetteerPreloader>());

        await preloader.StartAsync(CancellationToken.None);

        Assert.Equal("Tokyo", provider.GetRequiredService<Gazetteer>().Search("tokyo", 1).Single().Name);
        await preloader.StopAsync(CancellationToken.None);
    }
}
