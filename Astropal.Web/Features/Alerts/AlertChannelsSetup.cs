using Astropal.Web.Infrastructure.Cli;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Alerts;

public static class AlertChannelsSetup
{
    /// <summary>
    /// The alert channels: <c>Alerts:Channels</c> and <c>Alerts:Delivery</c> options (validated at startup), the outbox that
    /// queues messages for them (replacing any fallback outbox), the senders, the tester and the <c>alerts</c> command.
    /// </summary>
    public static IHostApplicationBuilder AddAstropalAlertChannels(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<AlertChannelsOptions>()
            .Configure<IConfiguration>((options, configuration) => configuration.GetSection(AlertChannelsOptions.SectionName).Bind(options.Channels))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AlertChannelsOptions>, AlertChannelsValidator>());
        services.AddOptions<AlertDeliveryOptions>().BindConfiguration(AlertDeliveryOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        services.TryAddSingleton<AlertConsoleLink>();
        // The channels' outbox wins over the engine's fallback, whichever registers first.
        services.RemoveAll<IAlertOutbox>();
        services.AddSingleton<IAlertOutbox, AlertOutbox>();

        services.AddHttpClient(WebhookAlertSender.ClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddHttpClient(SlackAlertSender.ClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAlertChannelSender, EmailAlertSender>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAlertChannelSender, WebhookAlertSender>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAlertChannelSender, SlackAlertSender>());
        services.TryAddSingleton<AlertNotificationSender>();
        services.TryAddSingleton<AlertChannelTester>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<ICliCommand, AlertsCommand>());
        return builder;
    }
}
