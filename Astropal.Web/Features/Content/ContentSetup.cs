using Astropal.Core.Content;
using Astropal.Core.Content.Llm;
using Astropal.Web.Features.Content.News;
using Astropal.Web.Infrastructure.Cli;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Astropal.Web.Infrastructure.Metrics;

namespace Astropal.Web.Features.Content;

public static class ContentSetup
{
    /// <summary>
    /// The content engine (the offline composer, the day's sky, the LLM provider chain with the <c>Llm</c> options
    /// validated at startup, segments and LLM calls in the database, the reader email composer behind
    /// <see cref="IReaderEmailComposer"/>), the segment preparation job, the news headlines and the <c>preview</c> command.
    /// Needs places, sky, email and the database.
    /// </summary>
    public static IHostApplicationBuilder AddAstropalContent(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddAstropalNews();
        var services = builder.Services;
        services.AddAstropalMeters();
        services.AddOptions<LlmOptions>()
            .BindConfiguration(LlmOptions.SectionName)
            .ValidateOnStart();
        services.AddContentServices();
        services.TryAddSingleton<ISegmentStore, EfSegmentStore>();
        services.TryAddSingleton<ILlmCallLog, EfLlmCallLog>();
        services.TryAddSingleton<SegmentPreparer>();
        services.TryAddTransient<SegmentPreparationJob>();
        services.TryAddSingleton<ContentConsole>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICliCommand, PreviewCommand>());
        return builder;
    }
}
