using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Alerts;

public static class AlertsSetup
{
    /// <summary>
    /// The alert rules (<c>Alerts</c> options, validated at startup), the evaluator and the operator actions. The outbox
    /// defaults to <see cref="NoChannelsAlertOutbox"/> unless the channels feature registered its own first.
    /// </summary>
    public static IHostApplicationBuilder AddAstropalAlerts(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<AlertsOptions>().BindConfiguration(AlertsOptions.SectionName).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AlertsOptions>, AlertsOptionsValidator>());
        builder.Services.TryAddSingleton<IAlertOutbox, NoChannelsAlertOutbox>();
        builder.Services.TryAddSingleton<AlertRules>();
        builder.Services.TryAddSingleton<AlertEvaluator>();
        builder.Services.TryAddSingleton<AlertOperations>();
        return builder;
    }
}
