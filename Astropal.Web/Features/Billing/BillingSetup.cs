using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Astropal.Web.Features.Billing;

/// <summary>Billing with Stripe (SPEC §9): the <c>Stripe</c> options (validated at startup), the gateway, checkout, the webhook and the billing job.</summary>
public static class BillingSetup
{
    public static IHostApplicationBuilder AddAstropalBilling(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<StripeOptions>()
            .BindConfiguration(StripeOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<Audit.AuditLog>();
        services.TryAddSingleton<StripeGateway>();
        services.TryAddSingleton<Delivery.LedgerRows>();
        services.TryAddSingleton<BillingEmails>();
        services.TryAddSingleton<BillingStateUpdater>();
        services.TryAddSingleton<BillingCheckout>();
        services.TryAddSingleton<StripeWebhook>();
        services.TryAddSingleton<BillingJobRunner>();
        services.TryAddTransient<BillingJob>();
        services.TryAddScoped<BillingConsole>();
        return builder;
    }

    public static WebApplication MapAstropalBilling(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapBillingEndpoints();
        return app;
    }
}
