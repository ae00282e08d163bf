using Astropal.Core.Branding;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Alerts;

/// <summary>The absolute link to the alerts page (<c>Brand:SiteUrl</c> + <c>/ops/alerts</c>) that every alert message carries.</summary>
public sealed class AlertConsoleLink(IOptions<BrandOptions> brand)
{
    public const string Path = "/ops/alerts";

    public string Url => brand.Value.SiteUrl.TrimEnd('/') + Path;

    /// <summary>A site-relative link (<c>/ops/runbooks/…</c>) made absolute for a message read outside the site; others unchanged.</summary>
    public string? Absolute(string? link) =>
        link is not null && link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal)
            ? brand.Value.SiteUrl.TrimEnd('/') + link
            : link;
    /// <summary>The absolute link to an incident's console page (<c>/ops/incidents/{id}</c>).</summary>
    public string IncidentUrl(long id) => brand.Value.SiteUrl.TrimEnd('/') + "/ops/incidents/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
