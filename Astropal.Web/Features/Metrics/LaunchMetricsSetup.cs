using Microsoft.Extensions.DependencyInjection.Extensions;
using Astropal.Web.Infrastructure.Metrics;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Metrics;

public static class LaunchMetricsSetup
{
    /// <summary>
    /// The launch metrics: <c>Metrics:Targets</c> options (validated at startup), the computation,
    /// targets, report, sampler, and this instance's request-minute recorder with its flusher.
    /// </summary>
    public static IHostApplicationBuilder AddAstropalLaunchMetrics(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<MetricTargetsOptions>().BindConfiguration(MetricTargetsOptions.SectionName).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MetricTargetsOptions>, MetricTargetsValidator>());
        builder.Services.TryAddSingleton<LaunchMetrics>();
        builder.Services.TryAddSingleton<MetricTargets>();
        builder.Services.TryAddSingleton<MetricsReport>();
        builder.Services.TryAddSingleton<MetricSampler>();
        builder.Services.TryAddSingleton<RequestMinuteRecorder>();
        builder.Services.AddHostedService<RequestMinuteFlusher>();
        return builder;
    }

    /// <summary>Times requests into this instance's per-minute tallies (unless <c>Metrics:RecordRequests</c> is false).</summary>
    public static IApplicationBuilder UseAstropalRequestMetrics(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var enabled = app.ApplicationServices.GetRequiredService<IOptions<MetricsOptions>>().Value.RecordRequests;
        return enabled ? app.UseMiddleware<RequestMetricsMiddleware>() : app;
    }
}
