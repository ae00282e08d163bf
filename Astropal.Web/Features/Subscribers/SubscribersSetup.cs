using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Astropal.Web.Features.Subscribers;

public static class SubscribersSetup
{
    /// <summary>The console's subscribers list and reader detail: the page query, reader operations and the <c>Beta</c> options.</summary>
    public static IHostApplicationBuilder AddAstropalSubscribers(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton<SubscriberQuery>();
        services.TryAddSingleton<Delivery.LedgerRows>();
        services.TryAddScoped<ReaderOperations>();
        // The reader page shows the reader's billing state.
        services.TryAddScoped<Billing.BillingConsole>();
        return builder;
    }
}
