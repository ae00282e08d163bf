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
