using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Astropal.Core.Branding;
using Astropal.Core.Delivery;
using Astropal.Core.Email;
using Astropal.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Delivery;

/// <summary>
/// Open pixel and click redirects (setting <c>Delivery:Tracking</c>). Each link of a sent email is replaced by
/// <c>/t/c/{token}</c> where the token is a Data Protection payload (purpose <c>tracking</c>) of the delivery id
/// and the original URL: the redirect can only go to a URL that was in that email (no open redirect).
/// </summary>
public sealed partial class TrackingLinks(IDataProtectionProvider dataProtection, IOptions<BrandOptions> brand)
{
    public const string Purpose = "tracking";

    private readonly IDataProtector protector = dataProtection.CreateProtector(Purpose);

    [GeneratedRegex("href=\"(https?://[^\"]+)\"", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Href();

    /// <summary>The HTML with each http(s) link (except unsubscribe links) through the click redirect, and the open pixel before <c>&lt;/body&gt;</c>.</summary>
    public string Rewrite(string html, Guid deliveryId)
    {
        ArgumentNullException.ThrowIfNull(html);
        var site = brand.Value.SiteUrl.TrimEnd('/');
        var unsubscribe = site + "/u/";
        var body = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        // One pass into one buffer: the HTML is tens of kilobytes, so no intermediate copies of it.
        var rewritten = EmailTextBuffer.Rent(html.Length + 2048);
        var copied = 0;
        foreach (var match in Href().EnumerateMatches(html))
        {
            // The match is href="URL": the URL is between the first quote and the last character.
            var url = System.Net.WebUtility.HtmlDecode(html.Substring(match.Index + 6, match.Length - 7));
            if (url.StartsWith(unsubscribe, StringComparison.OrdinalIgnoreCase))
            {
                continue; // unsubscribe stays a direct link
            }

            rewritten.Append(html, copied, match.Index - copied)
                .Append("href=\"").Append(site).Append("/t/c/").Append(Protect(deliveryId, url)).Append('"');
            copied = match.Index + match.Length;
        }

        var pixel = $"<img src=\"{site}/t/o/{Protect(deliveryId, string.Empty)}\" width=\"1\" height=\"1\" alt=\"\" style=\"display:block;border:0\">";
        if (body >= copied)
        {
            rewritten.Append(html, copied, body - copied).Append(pixel).Append(html, body, html.Length - body);
        }
        else
        {
            rewritten.Append(html, copied, html.Length - copied).Append(pixel);
        }

        return EmailTextBuffer.ToStringAndReturn(rewritten);
    }

    private string Protect(Guid deliveryId, string url) =>
        WebEncoders.Base64UrlEncode(protector.Protect(Encoding.UTF8.GetBytes(deliveryId.ToString("N") + "\n" + url)));

    public bool TryRead(string? token, out Guid deliveryId, out string url)
    {
        deliveryId = Guid.Empty;
        url = string.Empty;
        if (string.IsNullOrWhiteSpace(token) || token.Length > 4096)
        {
            return false;
        }

        try
        {
            var text = Encoding.UTF8.GetString(protector.Unprotect(WebEncoders.Base64UrlDecode(token)));
            var newline = text.IndexOf('\n', StringComparison.Ordinal);
            if (newline < 0 || !Guid.TryParseExact(text[..newline], "N", out deliveryId))
            {
                return false;
            }

            url = text[(newline + 1)..];
            return true;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return false;
        }
    }
}
