using System.Security.Cryptography;
using Astropal.Core.Branding;
using Astropal.Core.Email.Models;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Astropal.Web.Features.Readers;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Delivery;

/// <summary>
/// The footer links of a reader's email: absolute and one click. Unsubscribe carries the reader's
/// unsubscribe token (it never expires); preferences (<c>/me</c>) and the perspective switches
/// (<c>/me/perspective/{id}</c>) carry an expiring portal link token.
/// </summary>
public sealed class ReaderLinks(UnsubscribeTokens tokens, PortalLinkTokens portal, IOptions<BrandOptions> brand)
{
    public EmailLinks For(Guid readerId)
    {
        var unsubscribe = tokens.Create(readerId);
        var access = portal.Create(readerId);
        var site = brand.Value.SiteUrl.TrimEnd('/');
        return new EmailLinks(
            PreferencesUrl: $"{site}{PortalPaths.Home}?t={access}",
            UnsubscribeUrl: $"{site}/u/{unsubscribe}",
            PrivacyUrl: $"{site}/privacy",
            PerspectiveUrls: PerspectiveLinks.Create(p => $"{site}{PortalPaths.Perspective(p.Slug)}?t={access}"));
    }
}
