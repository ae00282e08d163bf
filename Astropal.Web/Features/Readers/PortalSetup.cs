using System.Globalization;
using Astropal.Core.Readers;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Astropal.Web.Infrastructure.Metrics;

namespace Astropal.Web.Features.Readers;

/// <summary>
/// The reader's preferences portal under <c>/me</c>: the reader cookie scheme, the services behind the
/// pages, the two endpoints that are not pages (data download, sign-out) and the portal's culture,
/// which is the reader's locale.
/// </summary>
internal static class PortalSetup
{
    public static IHostApplicationBuilder AddAstropalReaderPortal(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddAstropalMeters();
        services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.TryAddSingleton<PortalLinkTokens>();
        services.AddScoped<ReaderAccess>();
        services.AddScoped<PortalService>();
        services.AddScoped<ReaderData>();
        services.AddScoped<SignInLinks>();
        services.TryAddScoped<ReaderEmailSender>();
        services.AddSingleton<SignInLinkRequestLimiter>();

        services.AddAuthentication().AddCookie(ReaderSession.Scheme, cookie =>
        {
            cookie.Cookie.Name = ReaderSession.CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax; // Lax, not Strict: the session starts from a link in an email
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.Cookie.Path = PortalPaths.Home;
            cookie.SlidingExpiration = true;
            cookie.LoginPath = PortalPaths.Link;
            cookie.LogoutPath = PortalPaths.SignOut;
        });
        services.AddOptions<CookieAuthenticationOptions>(ReaderSession.Scheme)
            .Configure<IOptions<PortalOptions>>((cookie, portal) => cookie.ExpireTimeSpan = portal.Value.SessionLifetime);
        return builder;
    }

    public static WebApplication MapAstropalReaderPortal(this WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments(PortalPaths.Home), portal => portal.Use(UseReaderCultureAsync));

        // Form posts: the [FromForm]/IFormCollection parameter turns antiforgery validation on.
        app.MapPost(PortalPaths.Data, DownloadAsync);
        app.MapPost(PortalPaths.SignOut, async (HttpContext context, IFormCollection form) =>
        {
            await ReaderSession.SignOutAsync(context);
            return TypedResults.LocalRedirect("/");
        });
        return app;
    }

    private static async Task<IResult> DownloadAsync(HttpContext context, IFormCollection form, ReaderData data, TimeProvider clock)
    {
        if (await ReaderSession.ReadAsync(context) is not { } session)
        {
            return TypedResults.LocalRedirect(PortalPaths.LinkFor("signed-out"));
        }

        // Birth data leaves only for a session from a recent one-time sign-in link, not a forwarded email's link.
        if (!session.MayExportOrDelete(clock.GetUtcNow()))
        {
            return TypedResults.LocalRedirect($"{PortalPaths.Home}?done=sign-in-needed");
        }

        if (await data.ExportAsync(session.ReaderId, context.RequestAborted) is not { } export)
        {
            return TypedResults.LocalRedirect(PortalPaths.LinkFor("signed-out"));
        }

        var bytes = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(export, ReaderData.Json);
        var name = $"{export.Service.ToLowerInvariant()}-my-data-{export.ExportedAt.UtcDateTime:yyyy-MM-dd}.json";
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(bytes, "application/json", SafeFileName(name));
    }

    private static string SafeFileName(string name) =>
        new(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '-').ToArray());

    /// <summary>
    /// Portal pages speak the reader's language: the locale in the session, else the locale of the
    /// reader whose link is in <c>?t=</c>, else whatever the site's request localisation chose (which reads
    /// Accept-Language, <see cref="Infrastructure.Localization.AcceptLanguageCultureProvider"/>).
    /// </summary>
    private static async Task UseReaderCultureAsync(HttpContext context, RequestDelegate next)
    {
        var session = await ReaderSession.ReadAsync(context);
        var locale = session?.Locale;
        if (locale is null && context.Request.Query["t"] is [{ } token])
        {
            // A link from an email: the page that opens (or explains) the session is in the reader's language.
            var check = await context.RequestServices.GetRequiredService<ReaderAccess>().CheckAsync(token, context.RequestAborted);
            if (check.IsValid)
            {
                var reader = await context.RequestServices.GetRequiredService<PortalService>().FindAsync(check.ReaderId, context.RequestAborted);
                locale = reader?.Locale;
            }
        }

        if (SupportedLocales.Find(locale) is { } supported)
        {
            var culture = CultureInfo.GetCultureInfo(supported);
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
        }

        await next(context);
    }
}
