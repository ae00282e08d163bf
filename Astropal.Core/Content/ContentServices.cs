using Astropal.Core.Content.News;
using Astropal.Core.Content.Offline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Astropal.Core.Content;

public static class ContentServices
{
    /// <summary>
    /// The offline composer, the day's sky, the midday digest and the reader email composer (needs the sky
    /// calculations and the email renderer). News is off unless an <see cref="INewsHeadlineSource"/> is registered first.
    /// </summary>
    public static IServiceCollection AddContentServices(this IServiceCollection services)
    {
        services.TryAddSingleton<DailySkyCalculator>();
        services.TryAddSingleton<OfflineDailyComposer>();
        services.TryAddSingleton<INewsHeadlineSource, NoNewsHeadlines>();
        services.TryAddSingleton<MiddayDigestComposer>();
        services.TryAddSingleton<ReaderEmailComposer>();
        services.TryAddSingleton<IReaderEmailComposer>(sp => sp.GetRequiredService<ReaderEmailComposer>());
        return services;
    }
}
