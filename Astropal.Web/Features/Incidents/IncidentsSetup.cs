using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Astropal.Web.Features.Incidents;

public static class IncidentsSetup
{
    /// <summary>The incidents and maintenance services (the console's pages and the operator API both use them).</summary>
    public static IHostApplicationBuilder AddAstropalIncidents(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<IncidentRules>();
        builder.Services.TryAddSingleton<IncidentService>();
        builder.Services.TryAddSingleton<MaintenanceService>();

        // The service notifies readers (IIncidentReaderNotices) when asked and at resolution.
        return builder.AddAstropalIncidentNotices();
    }
}
