using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Status;

public static class StatusSetup
{
    /// <summary>The status page's components: <c>Status</c> options (validated at startup) and the component catalog.</summary>
    public static IHostApplicationBuilder AddAstropalStatus(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<StatusOptions>().BindConfiguration(StatusOptions.SectionName).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StatusOptions>, StatusOptionsValidator>());
        builder.Services.TryAddSingleton<StatusComponentCatalog>();

        // Placeholder until the status page of this wave lands (it replaces this line). The reader notices
        // (IIncidentReaderNotices) are registered by IncidentNoticesSetup.AddAstropalIncidentNotices.
        builder.Services.TryAddSingleton<IStatusRefresh, UnwiredStatusRefresh>();
        return builder;
    }
}
