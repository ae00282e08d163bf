using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace Astropal.Web.Infrastructure.Metrics;

/// <summary>
/// The <c>astropal</c> meters (<see cref="DeliveryMetrics"/>, <see cref="ContentMetrics"/>, <see cref="ReaderMetrics"/>) and
/// ASP.NET Core's request and connection metrics, exported through OpenTelemetry for Prometheus at <c>/metrics</c>.
/// </summary>
public static class MetricsSetup
{
    public const string ScrapePath = "/metrics";

    /// <summary>ASP.NET Core's built-in meters: request durations (<c>http.server.request.duration</c>), Kestrel connections.</summary>
    private static readonly string[] AspNetCoreMeters = ["Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Diagnostics", "Microsoft.AspNetCore.RateLimiting"];

    public static IHostApplicationBuilder AddAstropalMetrics(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<MetricsOptions>()
            .BindConfiguration(MetricsOptions.SectionName)
            .PostConfigure(o => o.ScrapeToken = string.IsNullOrWhiteSpace(o.ScrapeToken) ? null : o.ScrapeToken) // empty means unset
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddAstropalMeters();

        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(DeliveryMetrics.MeterName, ContentMetrics.MeterName, ReaderMetrics.MeterName, BackupMetrics.MeterName)
            .AddMeter(AspNetCoreMeters)
            .AddPrometheusExporter());
        return builder;
    }

    /// <summary>
    /// The meter classes, through IMeterFactory (each host, and each test's app, has meters of its own). Every feature
    /// that records calls this, so a host with only some features still resolves them; exporting is <see cref="AddAstropalMetrics"/>'s.
    /// </summary>
    public static IServiceCollection AddAstropalMeters(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<DeliveryMetrics>();
        services.TryAddSingleton<ContentMetrics>();
        services.TryAddSingleton<ReaderMetrics>();
        return services;
    }

    /// <summary><c>/metrics</c> in the Prometheus text format, for loopback clients and holders of <c>Metrics:ScrapeToken</c>; 404 for anyone else.</summary>
    public static WebApplication MapAstropalMetrics(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Observable gauges exist once their class is built: build them when the scrape endpoint is mapped.
        _ = app.Services.GetService<BackupMetrics>();
        app.MapPrometheusScrapingEndpoint(
                ScrapePath,
                meterProvider: null,
                configureBranchedPipeline: branch => branch.Use(async (context, next) =>
                {
                    var token = context.RequestServices.GetRequiredService<IOptions<MetricsOptions>>().Value.ScrapeToken;
                    if (!ScrapeAccess.IsAllowed(context, token))
                    {
                        context.Response.StatusCode = StatusCodes.Status404NotFound;
                        return;
                    }

                    context.Response.Headers.CacheControl = "no-store";
                    await next(context);
                }),
                optionsName: null)
            .AllowAnonymous()
            .DisableHttpMetrics();
        return app;
    }
}
