namespace Astropal.Web.Features.Delivery;

/// <summary>
/// Recognises opens that are not a person reading: the pixel loaded within <see cref="Window"/> of the send
/// (or before the send was even recorded), which is a security scanner or a prefetch, or loaded by a known
/// mail-privacy proxy that fetches every image of every email (Apple Mail Privacy Protection, Gmail's image
/// proxy, Yahoo's). Such opens are kept, flagged, and left out of human open rates.
/// </summary>
public static class MachineOpens
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(2);

    /// <summary>User-agent fragments of mail-privacy and image proxies (compared ignoring case).</summary>
    public static IReadOnlyList<string> ProxyAgents { get; } =
    [
        "GoogleImageProxy",
        "ggpht.com",
        "YahooMailProxy",
        "AppleMailPrivacyProxy",
        "Apple Mail Privacy",
        "MailPrivacyProtection",
        "Mail Privacy Protection",
    ];

    public static bool IsMachine(DateTimeOffset? sentAt, DateTimeOffset openedAt, string? userAgent) =>
        sentAt is null || (openedAt - sentAt.Value).Duration() <= Window || IsProxy(userAgent);

    public static bool IsProxy(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return false;
        }

        var agent = userAgent.Trim();
        // Apple's proxy sends a bare "Mozilla/5.0" with no platform or engine, which no mail client or browser does.
        return agent == "Mozilla/5.0" || ProxyAgents.Any(p => agent.Contains(p, StringComparison.OrdinalIgnoreCase));
    }
}
