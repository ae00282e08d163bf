using System.Text.Encodings.Web;
using System.Text.Unicode;
using Astropal.Core.Readers;
using Astropal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.WebEncoders;

namespace Astropal.Web.Infrastructure.Localization;

/// <summary>
/// The site's languages (<see cref="SupportedLocales"/>): texts from resx files under
/// <c>Resources/</c> mirroring the namespace (<c>IStringLocalizer&lt;T&gt;</c>), and the culture of each
/// request chosen by, in order: the operator console (always English), <c>?culture=</c>, the
/// reader's own locale on pages reached by a reader's token, the language cookie, Accept-Language.
/// </summary>
public static class LocalizationSetup
{
    public const string QueryKey = "culture";

    /// <summary>
    /// The cookie that keeps a visitor's choice (ASP.NET Core's standard culture cookie); outside Development
    /// it is Secure and named with the <c>__Host-</c> prefix (<see cref="SiteCookies"/>).
    /// </summary>
    public static readonly string CookieName = CookieRequestCultureProvider.DefaultCookieName;

    public static IHostApplicationBuilder AddAstropalLocalization(this IHostApplicationBuilder builder)
    {
        var environment = builder.Environment;
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");

        // Spanish pages keep "ó" and "¿" as characters instead of numeric entities (still HTML-safe).
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddScoped<ReaderLocales>();
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(SupportedLocales.Default);
            o.SupportedCultures = [.. SupportedLocales.Cultures];
            o.SupportedUICultures = [.. SupportedLocales.Cultures];
            o.RequestCultureProviders =
            [
                new OperatorConsoleCultureProvider(),
                new QueryStringRequestCultureProvider { QueryStringKey = QueryKey, UIQueryStringKey = QueryKey },
                new ReaderTokenCultureProvider(),
                new CookieRequestCultureProvider { CookieName = SiteCookies.Name(environment, CookieName) },
                new AcceptLanguageCultureProvider(),
            ];
        });
        return builder;
    }

    public static WebApplication UseAstropalLocalization(this WebApplication app)
    {
        app.UseRequestLocalization();
        var cookieName = SiteCookies.Name(app.Environment, CookieName);
        var hardened = SiteCookies.Hardened(app.Environment);

        // A language picked with ?culture= sticks: later pages, and the interactive circuit of
        // /start (whose connection carries no query string), read it from the cookie.
        app.Use(async (context, next) =>
        {
            if (context.Features.Get<IRequestCultureFeature>() is { Provider: QueryStringRequestCultureProvider } feature)
            {
                context.Response.Cookies.Append(
                    cookieName,
                    CookieRequestCultureProvider.MakeCookieValue(feature.RequestCulture),
                    new CookieOptions
                    {
                        MaxAge = TimeSpan.FromDays(365),
                        HttpOnly = true,
                        IsEssential = true,
                        SameSite = SameSiteMode.Lax,
                        Secure = hardened || context.Request.IsHttps,
                        Path = "/",
                    });
            }

            await next(context);
        });
        return app;
    }
}
