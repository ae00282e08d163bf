using Astropal.Core.Delivery;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Astropal.Web.Infrastructure.Metrics;

namespace Astropal.Web.Features.Delivery;

public static class DeliverySetup
{
    /// <summary>
    /// The delivery engine (planner, claimer, composer, sender, outcome recorder and the dispatcher that runs them),
    /// signed reader links and the <c>Delivery</c> options (validated at startup). Every part takes its dependencies
    /// through its constructor; <see cref="DeliveryStartupCheck"/> builds the dispatcher when the host starts, so a
    /// missing <see cref="Core.Content.IReaderEmailComposer"/> (the content feature) stops the start instead of a run.
    /// </summary>
    public static IHostApplicationBuilder AddAstropalDelivery(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddAstropalMeters();
        services.AddOptions<DeliveryOptions>()
            .BindConfiguration(DeliveryOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddDataProtection();
        services.TryAddSingleton<UnsubscribeTokens>();
        services.TryAddSingleton<Readers.PortalLinkTokens>();
        services.TryAddSingleton<ReaderLinks>();
        services.TryAddSingleton<TrackingLinks>();
        services.TryAddSingleton<EngagementRecorder>();

        services.TryAddSingleton<LedgerWriteGate>();
        // The dispatcher reads the jobs' pause state (the rollback lever), also in hosts without the console.
        services.TryAddSingleton<Audit.AuditLog>();
        services.TryAddSingleton<Jobs.JobPauses>();
        services.TryAddSingleton<SuppressionList>();
        services.TryAddSingleton<LedgerRows>();
        services.TryAddSingleton<DeliveryPlanner>();
        services.TryAddSingleton<DeliveryClaimer>();
        // The incident notices are ledger kinds like the scheduled ones: the composer renders them for the dispatcher.
        services.TryAddSingleton<Incidents.IncidentNoticeComposer>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOneOffEmailComposer, Incidents.IncidentNoticeComposer>(
            sp => sp.GetRequiredService<Incidents.IncidentNoticeComposer>()));
        services.TryAddSingleton<Billing.BillingEmailComposer>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOneOffEmailComposer, Billing.BillingEmailComposer>(
            sp => sp.GetRequiredService<Billing.BillingEmailComposer>()));
        services.TryAddSingleton<DeliveryComposer>();
        Readers.ReadersSetup.AddInactivityNotice(services);
        services.TryAddSingleton<DeliverySender>();
        services.TryAddSingleton<OutcomeRecorder>();
        services.TryAddSingleton<DeliveryDispatcher>();
        services.TryAddTransient<DeliveryDispatchJob>();
        services.TryAddSingleton<DeliveryLedger>();
        services.AddHostedService<DeliveryStartupCheck>();
        return builder;
    }

    public static WebApplication MapAstropalDelivery(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapUnsubscribe();
        app.MapResendWebhook();
        app.MapTracking();
        return app;
    }
}
