using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Astropal.Core.Places;

/// <summary>Registration of the Places feature: gazetteer search, time zones, birth-time conversion.</summary>
public static class PlacesFeature
{
    /// <summary>Registers <see cref="Gazetteer"/>, <see cref="TimeZoneResolver"/> and <see cref="BirthMomentResolver"/> as singletons.</summary>
    public static IServiceCollection AddAstropalPlaces(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<Gazetteer>();
        services.TryAddSingleton<TimeZoneResolver>();
        services.TryAddSingleton<BirthMomentResolver>();
        return services;
    }
}
