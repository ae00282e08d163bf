using Microsoft.Extensions.DependencyInjection.Extensions;
using Astropal.Web.Features.Incidents;
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

        // Placeholders until the status page and the reader notices of this wave land (each replaces its line).
        builder.Services.TryAddSingleton<IStatusRefresh, UnwiredStatusRefresh>();
        builder.Services.TryAddSingleton<IIncidentReaderNotices, UnwiredIncidentReaderNotices>();
        return builder;
    }
}
