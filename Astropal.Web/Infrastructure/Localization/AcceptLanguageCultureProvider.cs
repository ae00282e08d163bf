using Astropal.Core.Readers;
using Microsoft.AspNetCore.Localization;
using Microsoft.Net.Http.Headers;

namespace Astropal.Web.Infrastructure.Localization;

/// <summary>The browser's preferred language among ours (<see cref="PreferredLocale"/>), the last of the site's culture providers.</summary>
internal sealed class AcceptLanguageCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var locale = PreferredLocale(httpContext.Request.Headers.AcceptLanguage.ToString());
        return Task.FromResult(locale is null ? null : new ProviderCultureResult(locale));
    }

    /// <summary>
    /// The one reading of Accept-Language: by language rather than exact tag (<c>es-MX</c> or plain <c>es</c> reads
    /// es-ES, <c>en-GB</c> en-US), the highest quality first, the header's order among equal qualities, <c>q=0</c>
    /// refused. Null when none of ours is acceptable; the site then speaks the default, en-US.
    /// </summary>
    public static string? PreferredLocale(string? header)
    {
        if (string.IsNullOrWhiteSpace(header) || !StringWithQualityHeaderValue.TryParseList([header], out var languages))
        {
            return null;
        }

        return languages
            .Where(l => (l.Quality ?? 1) > 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => SupportedLocales.ForLanguage(l.Value.Value))
            .FirstOrDefault(l => l is not null);
    }
}
