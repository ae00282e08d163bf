using System.Security.Cryptography;
using Astropal.Core.Branding;
using Astropal.Core.Email.Models;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Astropal.Web.Features.Readers;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Delivery;

/// <summary>
/// Signed unsubscribe tokens (Data Protection, purpose <c>unsubscribe</c>) carrying the reader id,
/// so <c>/u/{token}</c> needs no login and cannot be forged for another reader.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider dataProtection)
{
    public const string Purpose = "unsubscribe";

    private readonly IDataProtector protector = dataProtection.CreateProtector(Purpose);

    public string Create(Guid readerId) =>
        WebEncoders.Base64UrlEncode(protector.Protect(readerId.ToByteArray()));

    public bool TryRead(string? token, out Guid readerId)
    {
        readerId = Guid.Empty;
        if (string.IsNullOrWhiteSpace(token) || token.Length > 512)
        {
            return false;
        }

        try
        {
            var bytes = protector.Unprotect(WebEncoders.Base64UrlDecode(token));
            if (bytes.Length != 16)
            {
                return false;
            }

            readerId = new Guid(bytes);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

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
