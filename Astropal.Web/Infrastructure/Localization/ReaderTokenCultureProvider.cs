using Microsoft.AspNetCore.Localization;

namespace Astropal.Web.Infrastructure.Localization;

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
