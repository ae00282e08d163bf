using Astropal.Web.Features.Audit;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Astropal.Web.Features.Incidents;

public static class IncidentNoticesSetup
{
    /// <summary>
    /// The reader notices of incidents: <see cref="IIncidentReaderNotices"/> (queues them in the delivery ledger) and the
    /// composer the delivery engine and the console's preview render them with (docs/incidents.md, "Reader notices").
    /// </summary>
    public static IHostApplicationBuilder AddAstropalIncidentNotices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton<AuditLog>();
        services.TryAddSingleton<IncidentNoticeComposer>();
        services.TryAddSingleton<Delivery.LedgerRows>();
        services.TryAddSingleton<IncidentReaderNotices>();
        services.TryAddSingleton<IIncidentReaderNotices>(sp => sp.GetRequiredService<IncidentReaderNotices>());
        return builder;
    }
}
