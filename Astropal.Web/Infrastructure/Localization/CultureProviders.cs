using Microsoft.AspNetCore.Localization;
using Microsoft.Net.Http.Headers;

namespace Astropal.Web.Infrastructure.Localization;

/// <summary>The operator console and its sign-in pages stay English whatever the browser asks for.</summary>
internal sealed class OperatorConsoleCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var path = httpContext.Request.Path;
        return Task.FromResult(path.StartsWithSegments("/ops") || path.StartsWithSegments("/account")
            ? new ProviderCultureResult("en-US")
            : null);
    }
}

/// <summary>Pages reached by a reader's token (confirmation, unsubscribe) speak the reader's language.</summary>
internal sealed class ReaderTokenCultureProvider : RequestCultureProvider
{
    public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        // Culture providers are created by options, not by DI: the request's scope supplies the lookup.
        var locale = await httpContext.RequestServices.GetRequiredService<ReaderLocales>()
            .ForRequestAsync(httpContext.Request, httpContext.RequestAborted);
        return locale is null ? null : new ProviderCultureResult(locale);
    }
}

/// <summary>
/// Accept-Language by language rather than exact tag: <c>es-MX</c> or plain <c>es</c> reads Spanish
/// (es-ES), <c>en-GB</c> English (en-US); the browser's first supported language by quality wins.
/// </summary>
internal sealed class AcceptLanguageCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var header = httpContext.Request.Headers.AcceptLanguage.ToString();
        if (string.IsNullOrWhiteSpace(header) || !StringWithQualityHeaderValue.TryParseList([header], out var languages))
        {
            return Task.FromResult<ProviderCultureResult?>(null);
        }

        var culture = languages
            .Where(l => (l.Quality ?? 1) > 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => LocalizationSetup.Supported(l.Value.Value))
            .FirstOrDefault(c => c is not null);
        return Task.FromResult(culture is null ? null : new ProviderCultureResult(culture.Name));
    }
}
