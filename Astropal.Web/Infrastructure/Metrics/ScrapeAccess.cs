using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Astropal.Web.Infrastructure.Metrics;

/// <summary>
/// Who may read <c>/metrics</c>: a loopback client (the connection's address, or X-Forwarded-For's from a known proxy),
/// or a request carrying <c>Authorization: Bearer &lt;Metrics:ScrapeToken&gt;</c>. Anyone else is told nothing is there (404).
/// </summary>
internal static class ScrapeAccess
{
    public static bool IsAllowed(HttpContext context, string? scrapeToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address))
        {
            return true;
        }

        return !string.IsNullOrEmpty(scrapeToken) && BearerMatches(context.Request.Headers.Authorization.ToString(), scrapeToken);
    }

    private static bool BearerMatches(string header, string expected)
    {
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var given = Encoding.UTF8.GetBytes(header[scheme.Length..].Trim());
        var wanted = Encoding.UTF8.GetBytes(expected);
        return CryptographicOperations.FixedTimeEquals(given, wanted);
    }
}
