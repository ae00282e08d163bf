using Astropal.Core.Content.Offline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Astropal.Core.Content;

public static class ContentServices
{
    /// <summary>The offline composer, the day's sky and the reader email composer (needs the sky calculations and the email renderer).</summary>
    public static IServiceCollection AddContentServices(this IServiceCollection services)
    {
        services.TryAddSingleton<DailySkyCalculator>();
        services.TryAddSingleton<OfflineDailyComposer>();
        services.TryAddSingleton<ReaderEmailComposer>();
        services.TryAddSingleton<IReaderEmailComposer>(sp => sp.GetRequiredService<ReaderEmailComposer>());
        return services;
    }
}
