using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Astropal.Web.Infrastructure.Security;

/// <summary>
/// Cookies that do not depend on the request's scheme: outside Development every cookie of the site
/// (operator and reader sessions, antiforgery, language) is Secure, has the <c>__Host-</c> prefix (so no
/// subdomain or plain-HTTP page can set or overwrite it) and therefore the path <c>/</c> and no domain.
/// In Development (plain <c>http://localhost</c>) they keep their names and are Secure only on HTTPS requests.
/// </summary>
public static class SiteCookies
{
    public const string HostPrefix = "__Host-";

    /// <summary>Whether cookies are hardened: everywhere but Development.</summary>
    public static bool Hardened(IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return !environment.IsDevelopment();
    }

    /// <summary>The name a cookie has in <paramref name="environment"/>.</summary>
    public static string Name(IHostEnvironment environment, string name) =>
        Hardened(environment) && !name.StartsWith(HostPrefix, StringComparison.Ordinal) ? HostPrefix + name : name;

    public static IHostApplicationBuilder AddAstropalCookieSecurity(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var environment = builder.Environment;
        if (!Hardened(environment))
        {
            return builder;
        }

        // Every cookie authentication scheme, whichever feature added it (operator console, reader portal).
        builder.Services.PostConfigureAll<CookieAuthenticationOptions>(o => Harden(o.Cookie, environment));
        builder.Services.PostConfigure<AntiforgeryOptions>(o =>
        {
            o.Cookie.Name = HostPrefix + "astropal.antiforgery";
            Harden(o.Cookie, environment);
        });
        return builder;
    }

    private static void Harden(CookieBuilder cookie, IHostEnvironment environment)
    {
        cookie.SecurePolicy = CookieSecurePolicy.Always;
        cookie.Path = "/";
        cookie.Domain = null;
        if (cookie.Name is { } name)
        {
            cookie.Name = Name(environment, name);
        }
    }
}
