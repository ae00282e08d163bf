using Astropal.Web.Infrastructure.Cli;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

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

        // Every logger (and so every provider: console, Sentry, any added later) sees token-bearing addresses
        // redacted: /u/{token}, /t/o|c/{token} and ?t= values in messages, structured values and the RequestPath scope.
        builder.Services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(services => new RedactingLoggerFactory(new LoggerFactory(
            services.GetServices<ILoggerProvider>(),
            services.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
            services.GetService<IOptions<LoggerFactoryOptions>>(),
            services.GetService<IExternalScopeProvider>()))));

        // Sentry reads the "Sentry" section; with no Dsn the SDK stays off.
        builder.WebHost.UseSentry(o =>
        {
            o.Dsn = builder.Configuration["Sentry:Dsn"] ?? "";
            // Birth data and email addresses are personal data: none is sent.
            o.SendDefaultPii = false;
            o.MaxRequestBodySize = Sentry.Extensibility.RequestSize.None;
            o.AttachStacktrace = true;
            o.Environment = builder.Environment.EnvironmentName;

            // Tokens in request URLs, query strings, headers (Referer) and breadcrumbs are replaced by ***.
            o.SetBeforeSend((sentryEvent, _) => SentryRedaction.Scrub(sentryEvent));
            o.SetBeforeSendTransaction((transaction, _) =>
            {
                transaction.Request.Url = transaction.Request.Url is { } url ? LogRedaction.Redact(url) : null;
                transaction.Request.QueryString = transaction.Request.QueryString is { } query ? LogRedaction.Redact(query) : null;
                return transaction;
            });
            o.SetBeforeBreadcrumb((breadcrumb, _) => SentryRedaction.Scrub(breadcrumb));
        });
        return builder;
    }
}
