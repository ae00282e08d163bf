using Astropal.Core.Content;
using Astropal.Web.Features.Content.News;
using Astropal.Web.Infrastructure.Cli;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Astropal.Web.Features.Content;

public static class ContentSetup
{
    /// <summary>
    /// The content engine (the offline composer, the day's sky, the reader email composer behind
    /// <see cref="IReaderEmailComposer"/>), the news headlines and the <c>preview</c> command. Needs places, sky and email.
    /// </summary>
    public static IHostApplicationBuilder AddAstropalContent(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddContent(builder.Services);
        return builder;
    }

    internal static IServiceCollection AddContent(IServiceCollection services)
    {
        NewsSetup.AddNews(services);
        services.AddContentServices();
        // Until the LLM options carry Llm:DailyBudgetUsd, the console reads it here (default 5).
        services.AddOptions<ContentConsoleOptions>()
            .Configure<IConfiguration>((o, config) => o.DailyBudgetUsd = config.GetValue("Llm:DailyBudgetUsd", 5m));
        services.TryAddSingleton<ContentConsole>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICliCommand, PreviewCommand>());
        return services;
    }
}
