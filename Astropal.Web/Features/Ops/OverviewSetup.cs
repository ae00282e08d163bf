using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Astropal.Web.Features.Ops;

public static class OverviewSetup
{
    /// <summary>The overview's launch checklist and beta success criteria, and the <c>Beta</c> criteria options (validated at startup).</summary>
    public static IHostApplicationBuilder AddAstropalOverview(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<BetaCriteriaOptions>()
            .BindConfiguration(BetaCriteriaOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton<IVoiceDistinctnessMeter, VoiceDistinctnessMeter>();
        builder.Services.TryAddSingleton<LaunchChecklist>();
        return builder;
    }
}
