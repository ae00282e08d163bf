using Astropal.Core.Readers;
using Microsoft.AspNetCore.Localization;

namespace Astropal.Web.Infrastructure.Localization;

/// <summary>The operator console and its sign-in pages stay in the default language whatever the browser asks for.</summary>
internal sealed class OperatorConsoleCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var path = httpContext.Request.Path;
        return Task.FromResult(path.StartsWithSegments("/ops") || path.StartsWithSegments("/account")
            ? new ProviderCultureResult(SupportedLocales.Default)
            : null);
    }
}
