using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Astropal.Core.Places;

/// <summary>Registration of the Places feature: gazetteer search, time zones, birth-time conversion.</summary>
public static class PlacesFeature
{
    /// <summary>
    /// Registers <see cref="Gazetteer"/>, <see cref="TimeZoneResolver"/> and <see cref="BirthMomentResolver"/>
    /// as singletons, and <see cref="GazetteerPreloader"/> to load the gazetteer in the background at startup.
    /// </summary>
    public static IServiceCollection AddAstropalPlaces(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<Gazetteer>();
        services.TryAddSingleton<TimeZoneResolver>();
        services.TryAddSingleton<BirthMomentResolver>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, GazetteerPreloader>());
        return services;
    }
}
