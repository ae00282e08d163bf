using System.Buffers.Binary;
using System.Security.Cryptography;
using Astropal.Core.Readers;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Readers;

/// <summary>What a portal link token turned out to be.</summary>
public enum PortalLinkTokenStatus
{
    Valid,
    Expired,
    /// <summary>Not issued by us (or by another key ring), truncated or tampered with.</summary>
    Invalid,
}

/// <summary>
/// The token of the preferences and perspective links in every reader email: the reader id and an
/// expiry, encrypted and signed with Data Protection (purpose <c>portal-link</c>). Nothing is stored,
/// so the dispatcher writes no row per email; the link works any number of times until it expires
/// (<see cref="PortalOptions.EmailLinkLifetime"/>), which keeps it working when a mail scanner opens it first.
/// </summary>
public sealed class PortalLinkTokens(IDataProtectionProvider dataProtection, IOptions<PortalOptions> options, TimeProvider clock)
{
    public const string Purpose = "portal-link";

    private const int PayloadLength = 16 + 8;

    private readonly IDataProtector protector = dataProtection.CreateProtector(Purpose);

    public string Create(Guid readerId)
    {
        var expires = clock.GetUtcNow() + options.Value.EmailLinkLifetime;
        var payload = new byte[PayloadLength];
        readerId.TryWriteBytes(payload);
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(16), expires.ToUnixTimeSeconds());
        return WebEncoders.Base64UrlEncode(protector.Protect(payload));
    }

    public PortalLinkTokenStatus Read(string? token, out Guid readerId)
    {
        readerId = Guid.Empty;
        if (string.IsNullOrWhiteSpace(token) || token.Length > 512)
        {
            return PortalLinkTokenStatus.Invalid;
        }

        byte[] payload;
        try
        {
            payload = protector.Unprotect(WebEncoders.Base64UrlDecode(token.Trim()));
        }
        catch (CryptographicException)
        {
            return PortalLinkTokenStatus.Invalid;
        }
        catch (FormatException)
        {
            return PortalLinkTokenStatus.Invalid;
        }

        if (payload.Length != PayloadLength)
        {
            return PortalLinkTokenStatus.Invalid;
        }

        readerId = new Guid(payload.AsSpan(0, 16));
        var expires = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(16)));
        return expires > clock.GetUtcNow() ? PortalLinkTokenStatus.Valid : PortalLinkTokenStatus.Expired;
    }
}
