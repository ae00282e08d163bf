using Astropal.Core.Content.News;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Content.News;

internal static class NewsSetup
{
    /// <summary>
    /// The <c>News</c> settings (validated at startup), the NewsAPI typed client, the fetcher, the job and the
    /// stored headlines behind <see cref="INewsHeadlineSource"/>. Registered before the content services so
    /// that they use these headlines rather than none.
    /// </summary>
    public static IHostApplicationBuilder AddAstropalNews(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<NewsOptions>().BindConfiguration(NewsOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NewsOptions>, NewsOptionsValidator>());
        // The fetcher is a singleton holding this client: pooled connections are recycled instead of handlers.
        services.AddHttpClient<NewsApiClient>(NewsApiClient.Configure)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.TryAddSingleton<NewsFetcher>();
        services.TryAddSingleton<INewsHeadlineSource, StoredNewsHeadlines>();
        services.TryAddTransient<NewsFetchJob>();
        return builder;
    }
}
