using Microsoft.AspNetCore.Diagnostics;

namespace Astropal.Web.Infrastructure.Security;

public static class SecuritySetup
{
    // Blazor Server and MudBlazor need inline styles; scripts come only from this site. Forms post only here, and the
    // billing forms' 303 may lead to Stripe Checkout and the Stripe customer portal (browsers apply form-action to the
    // redirects of a form submission too).
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; " +
        "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; " +
        "form-action 'self' https://checkout.stripe.com https://billing.stripe.com; object-src 'none'";

    /// <summary>
    /// Forwarded headers from known proxies, cookies that are Secure and <c>__Host-</c> outside Development,
    /// per-IP limits on every public endpoint, and HTTPS redirection outside Development.
    /// </summary>
    public static IHostApplicationBuilder AddAstropalSecurity(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddAstropalForwardedHeaders();
        builder.AddAstropalCookieSecurity();
        builder.AddAstropalRateLimits();

        // Behind a proxy that terminates TLS the scheme is https (X-Forwarded-Proto) and nothing is redirected;
        // a plain-HTTP request reaching the app is sent to https on HttpsRedirection:HttpsPort (443 by default).
        builder.Services.AddHttpsRedirection(o =>
        {
            o.RedirectStatusCode = StatusCodes.Status308PermanentRedirect;
            o.HttpsPort = builder.Configuration.GetValue<int?>("HttpsRedirection:HttpsPort") ?? 443;
        });
        return builder;
    }

    public static WebApplication UseAstropalSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseForwardedHeaders();
        app.UseAstropalWebhookBodyLimit();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();

            // Probes (/healthz, /readyz) and the Prometheus scrape (/metrics) call the instance over plain HTTP inside the
            // network: they are answered, not redirected.
            app.UseWhen(
                context => !context.Request.Path.StartsWithSegments("/healthz") && !context.Request.Path.StartsWithSegments("/readyz")
                    && !context.Request.Path.StartsWithSegments("/metrics"),
                https => https.UseHttpsRedirection());
        }

        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            await next(context);
        });

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.Use(async (context, next) =>
        {
            // Friendly pages are for people browsing; API clients and form posts keep their status and body.
            if (!HttpMethods.IsGet(context.Request.Method) || context.Request.Path.StartsWithSegments("/api"))
            {
                context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
            }

            await next(context);
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }
}
