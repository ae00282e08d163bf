using Astropal.Core.Branding;
using Astropal.Core.Content;
using Astropal.Core.Email;
using Astropal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Astropal.Core.Delivery;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Astropal.Web.Features.Delivery;

public static class DeliverySetup
{
    /// <summary>
    /// The ledger dispatcher, signed reader links and the <c>Delivery</c> options (validated at startup).
    /// The dispatcher takes <see cref="IReaderEmailComposer"/> from the content feature; without one
    /// registered, a run fails with a message that says so (rows stay pending, nothing is lost).
    /// </summary>
    public static IHostApplicationBuilder AddAstropalDelivery(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<DeliveryOptions>()
            .BindConfiguration(DeliveryOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddDataProtection();
        services.TryAddSingleton<UnsubscribeTokens>();
        services.TryAddSingleton<Readers.PortalLinkTokens>();
        services.TryAddSingleton<ReaderLinks>();
        services.TryAddSingleton<TrackingLinks>();

        // A factory, so that a host without a composer still builds (validated DI) and fails clearly at send time.
        services.TryAddSingleton(sp => new DeliveryDispatcher(
            sp.GetRequiredService<IDbContextFactory<AstropalDbContext>>(),
            sp.GetService<IReaderEmailComposer>(),
            sp.GetRequiredService<IEmailSender>(),
            sp.GetRequiredService<ReaderLinks>(),
            sp.GetRequiredService<TrackingLinks>(),
            sp.GetRequiredService<IOptions<DeliveryOptions>>(),
            sp.GetRequiredService<IOptions<BrandOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<DeliveryDispatcher>>()));
        services.TryAddTransient<DeliveryDispatchJob>();
        services.TryAddSingleton<DeliveryLedger>();
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
