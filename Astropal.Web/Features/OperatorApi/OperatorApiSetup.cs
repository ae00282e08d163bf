using Astropal.Web.Infrastructure.Cli;
using Astropal.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Scalar.AspNetCore;

namespace Astropal.Web.Features.OperatorApi;

public static class OperatorApiSetup
{
    /// <summary>The API reference (Scalar) for signed-in operators.</summary>
    public const string ReferencePath = "/ops/api-reference";

    /// <summary>The OpenAPI document (public: it describes the API, it holds no data).</summary>
    public const string DocumentPath = "/openapi/v1.json";

    /// <summary>API keys, the bearer scheme, the OpenAPI document and the <c>create-api-key</c> command.</summary>
    public static IHostApplicationBuilder AddAstropalOperatorApi(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton<OperatorApiKeys>();
        services.TryAddSingleton<OperatorApiReaders>();
        services.AddProblemDetails();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.TryAddEnumerable(ServiceDescriptor.Scoped<ICliCommand, CreateApiKeyCommand>());
        services.AddOpenApi("v1", options =>
        {
            // The public API (/api/readers) and the operator API (/api/ops); the console's pages are not an API.
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer(new OperatorApiDocumentTransformer());
        });
        return builder;
    }

    /// <summary>The operator API, the OpenAPI document and the API reference. Returns the operator API's route group.</summary>
    public static RouteGroupBuilder MapAstropalOperatorApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapOperatorApi();
        app.MapOpenApi(DocumentPath.Replace("v1", "{documentName}", StringComparison.Ordinal)).AllowAnonymous();
        app.MapScalarApiReference(ReferencePath, options =>
            {
                options.WithTitle("Astropal API").WithOpenApiRoutePattern(DocumentPath);
                options.DefaultFonts = false;
                options.Telemetry = false;
                options.DynamicNonce = true;
            })
            .RequireAuthorization(OperatorPolicies.Console)
            .Add(endpoint =>
            {
                // The site's CSP allows scripts from 'self' only; Scalar's inline start-up script carries a fresh nonce.
                var inner = endpoint.RequestDelegate;
                endpoint.RequestDelegate = context =>
                {
                    context.Response.OnStarting(() =>
                    {
                        if (context.Items[ScalarOptions.NonceHttpContextItemKey] is string nonce
                            && context.Response.Headers.ContentSecurityPolicy.ToString() is { Length: > 0 } csp)
                        {
                            context.Response.Headers.ContentSecurityPolicy =
                                csp.Replace("script-src 'self'", $"script-src 'self' 'nonce-{nonce}'", StringComparison.Ordinal);
                        }

                        return Task.CompletedTask;
                    });
                    return inner!(context);
                };
            });
        return group;
    }
}
