using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Astropal.Web.Infrastructure.Health;

public static class HealthSetup
{
    /// <summary>Tag of the checks behind <c>/readyz</c>; later features add theirs with it.</summary>
    public const string ReadyTag = "ready";

    public static IHostApplicationBuilder AddAstropalHealth(this IHostApplicationBuilder builder)
    {
        var checks = builder.Services.AddHealthChecks()
            .AddCheck<DatabaseReadinessCheck>("database", tags: [ReadyTag]);

        // Read in the composition root, as the email and scheduler setups decide what they register.
        if (string.Equals(builder.Configuration["Email:Transport"], nameof(Astropal.Core.Email.EmailTransport.Smtp), StringComparison.OrdinalIgnoreCase))
        {
            // One instance keeps the cached answer (60 s) across probes.
            builder.Services.AddSingleton<SmtpReadinessCheck>();
            checks.Add(new HealthCheckRegistration("smtp", sp => sp.GetRequiredService<SmtpReadinessCheck>(), failureStatus: null, tags: [ReadyTag]));
        }

        if (!bool.TryParse(builder.Configuration["Scheduler:Enabled"], out var schedulerEnabled) || schedulerEnabled)
        {
            checks.AddCheck<SchedulerReadinessCheck>("scheduler", tags: [ReadyTag]);
        }

        return builder;
    }

    public static WebApplication MapAstropalHealth(this WebApplication app)
    {
        // Liveness: the process answers. No dependency is consulted, so a database outage
        // never gets a healthy instance restarted.
        app.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = WriteJsonAsync,
        }).DisableHttpMetrics();

        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteJsonAsync,
        }).DisableHttpMetrics();
        return app;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    private static Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            durationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new
                {
                    status = e.Value.Status.ToString(),
                    description = e.Value.Description,
                    durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
                    data = e.Value.Data.Count == 0 ? null : e.Value.Data,
                }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json), context.RequestAborted);
    }
}
