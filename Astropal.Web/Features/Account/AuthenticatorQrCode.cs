using System.Globalization;
using System.Text;
using QRCoder;

namespace Astropal.Web.Features.Account;

/// <summary>The <c>otpauth://</c> URI an authenticator app reads, its QR code, and the key written for typing.</summary>
public static class AuthenticatorQrCode
{
    public static string Uri(string issuer, string account, string key) =>
        string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/{System.Uri.EscapeDataString(issuer)}:{System.Uri.EscapeDataString(account)}?secret={key}&issuer={System.Uri.EscapeDataString(issuer)}&digits=6");

    /// <summary>A PNG data URI of the QR code (the site's CSP allows <c>data:</c> images).</summary>
    public static string PngDataUri(string otpauthUri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(otpauthUri, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }

    /// <summary>The key in groups of four, lower case, as people copy it.</summary>
    public static string Readable(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return text.ToString().TrimEnd().ToLowerInvariant();
    }
}
