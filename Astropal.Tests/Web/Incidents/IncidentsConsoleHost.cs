using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Alerts;
using Astropal.Web.Features.Incidents;
using Astropal.Web.Features.Status;
using Microsoft.Extensions.DependencyInjection;

namespace Astropal.Tests.Web.Incidents;

/// <summary>The metrics host with the alerts (a <see cref="RecordingAlertOutbox"/>), the status catalog and the incidents services.</summary>
internal static class IncidentsConsoleHost
{
    public static Task<MetricsTestHost> StartAsync(string name) =>
        MetricsTestHost.StartAsync(name, configure: builder =>
        {
            builder.Services.AddSingleton<RecordingAlertOutbox>();
            builder.Services.AddSingleton<IAlertOutbox>(sp => sp.GetRequiredService<RecordingAlertOutbox>());
            builder.AddAstropalAlerts();
            builder.AddAstropalStatus();
            builder.AddAstropalIncidents();
        });

    /// <summary>Registers what the incidents pages inject, from <paramref name="host"/>.</summary>
    public static void AddTo(IServiceCollection services, MetricsTestHost host)
    {
        services.AddSingleton(host.Get<IncidentService>());
        services.AddSingleton(host.Get<MaintenanceService>());
        services.AddSingleton(host.Get<AlertOperations>());
        services.AddSingleton(host.Get<StatusComponentCatalog>());
        services.AddSingleton<TimeProvider>(host.Time);
    }
}
