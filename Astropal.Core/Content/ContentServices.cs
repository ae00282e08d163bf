using Astropal.Core.Content.Evening;
using Astropal.Core.Content.Llm;
using Astropal.Core.Content.News;
using Astropal.Core.Content.Offline;
using Astropal.Core.Content.Weekly;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Astropal.Core.Content;

public static class ContentServices
{
    /// <summary>
    /// The offline composer, the day's sky, the evening and weekly composers, the provider chain (an HTTP client with its own resilience pipeline per
    /// LLM provider), the segment service and the reader email composer. The host binds <see cref="LlmOptions"/>
    /// and registers the stores (<see cref="ISegmentStore"/>, <see cref="ILlmCallLog"/>); needs the sky
    /// calculations and the email renderer. News is off unless an <see cref="INewsHeadlineSource"/> is registered first.
    /// </summary>
    public static IServiceCollection AddContentServices(this IServiceCollection services)
    {
        services.TryAddSingleton<DailySkyCalculator>();
        services.TryAddSingleton<OfflineDailyComposer>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LlmOptions>, LlmOptionsValidator>());
        foreach (var provider in new[] { LlmProviderId.Grok, LlmProviderId.OpenAI })
        {
            services.AddHttpClient(OpenAiCompatibleChat.HttpClientName(provider))
                .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
                .AddResilienceHandler("llm", (pipeline, context) => OpenAiCompatibleChat.ConfigureResilience(
                    pipeline,
                    context.ServiceProvider.GetRequiredService<IOptions<LlmOptions>>().Value,
                    context.ServiceProvider.GetRequiredService<TimeProvider>()));
        }

        services.TryAddSingleton<OpenAiCompatibleChat>();
        services.TryAddSingleton<SegmentGenerator>();
        services.TryAddSingleton<SegmentService>();
        services.TryAddSingleton<INewsHeadlineSource, NoNewsHeadlines>();
        services.TryAddSingleton<MiddayDigestComposer>();
        services.TryAddSingleton<EveningReflectionComposer>();
        services.TryAddSingleton<WeeklyOverviewComposer>();
        services.TryAddSingleton<ReaderEmailComposer>();
        services.TryAddSingleton<IReaderEmailComposer>(sp => sp.GetRequiredService<ReaderEmailComposer>());
        return services;
    }
}
