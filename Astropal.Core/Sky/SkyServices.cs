using Microsoft.Extensions.DependencyInjection;

namespace Astropal.Core.Sky;

/// <summary>Registration of the sky calculations (all stateless singletons).</summary>
public static class SkyServices
{
    /// <summary>Registers <see cref="Ephemeris"/>, <see cref="HouseCalculator"/>, <see cref="AspectFinder"/>, <see cref="TransitFinder"/>, <see cref="SkyEventFinder"/>, <see cref="NatalChartCalculator"/> and <see cref="BirthChartCalculator"/> (which needs the places services).</summary>
    public static IServiceCollection AddSkyCalculations(this IServiceCollection services)
    {
        services.AddSingleton<Ephemeris>();
        services.AddSingleton<HouseCalculator>();
        services.AddSingleton<AspectFinder>();
        services.AddSingleton<TransitFinder>();
        services.AddSingleton<SkyEventFinder>();
        services.AddSingleton<NatalChartCalculator>();
        services.AddSingleton<BirthChartCalculator>();
        return services;
    }
}
