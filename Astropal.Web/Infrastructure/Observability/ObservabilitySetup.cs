using Astropal.Web.Infrastructure.Cli;

namespace Astropal.Web.Infrastructure.Observability;

public static class ObservabilitySetup
{
    // On WebApplicationBuilder rather than IHostApplicationBuilder: Sentry's ASP.NET Core integration hooks the web host.
    public static IHostApplicationBuilder AddAstropalObservability(this WebApplicationBuilder builder, CliInvocation invocation)
    {
        // Structured logs: JSON lines outside Development, readable text while developing.
        if (invocation.Command is null && !builder.Environment.IsDevelopment())
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.UseUtcTimestamp = true;
            });
        }

        // Sentry reads the "Sentry" section; with no Dsn the SDK stays off.
        builder.WebHost.UseSentry(o =>
        {
            o.Dsn = builder.Configuration["Sentry:Dsn"] ?? "";
            // Birth data and email addresses are personal data: none is sent.
            o.SendDefaultPii = false;
            o.MaxRequestBodySize = Sentry.Extensibility.RequestSize.None;
            o.AttachStacktrace = true;
            o.Environment = builder.Environment.EnvironmentName;
        });
        return builder;
    }
}
