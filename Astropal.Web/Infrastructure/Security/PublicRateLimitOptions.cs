using System.ComponentModel.DataAnnotations;

namespace Astropal.Web.Infrastructure.Security;

/// <summary>
/// Per-client-IP limits of the public endpoints, requests per minute, in the <c>RateLimits</c> section (which also
/// holds the sign-up limits of <see cref="Features.Readers.RateLimitOptions"/>). Generous enough that a person,
/// a household behind one address or a mail provider's image proxy never meets them; a script does.
/// </summary>
public sealed class PublicRateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary><c>/account/*</c> (operator sign-in page and form posts).</summary>
    [Range(1, 100_000, ErrorMessage = "RateLimits:SignInPerIpPerMinute must be between 1 and 100000.")]
    public int SignInPerIpPerMinute { get; set; } = 60;

    /// <summary><c>/start/confirm</c> (the confirmation link and its button).</summary>
    [Range(1, 100_000, ErrorMessage = "RateLimits:ConfirmPerIpPerMinute must be between 1 and 100000.")]
    public int ConfirmPerIpPerMinute { get; set; } = 20;

    /// <summary><c>/me</c> and everything under it (the reader's portal, its links and forms).</summary>
    [Range(1, 100_000, ErrorMessage = "RateLimits:PortalPerIpPerMinute must be between 1 and 100000.")]
    public int PortalPerIpPerMinute { get; set; } = 120;

    /// <summary><c>/u/*</c> (unsubscribe page and one-click unsubscribe).</summary>
    [Range(1, 100_000, ErrorMessage = "RateLimits:UnsubscribePerIpPerMinute must be between 1 and 100000.")]
    public int UnsubscribePerIpPerMinute { get; set; } = 60;

    /// <summary><c>/t/*</c> (open pixel and click redirects; mail providers fetch images from few shared addresses).</summary>
    [Range(1, 100_000, ErrorMessage = "RateLimits:TrackingPerIpPerMinute must be between 1 and 100000.")]
    public int TrackingPerIpPerMinute { get; set; } = 1200;

    /// <summary><c>/webhooks/*</c> (Resend's event deliveries).</summary>
    [Range(1, 100_000, ErrorMessage = "RateLimits:WebhooksPerIpPerMinute must be between 1 and 100000.")]
    public int WebhooksPerIpPerMinute { get; set; } = 600;

    /// <summary><c>/readyz</c> and <c>/healthz</c> (probes), and the Prometheus scrape <c>/metrics</c>.</summary>
    [Range(1, 100_000, ErrorMessage = "RateLimits:HealthPerIpPerMinute must be between 1 and 100000.")]
    public int HealthPerIpPerMinute { get; set; } = 120;

    /// <summary>
    /// <c>/status</c>, <c>/status/*</c> and <c>/status.json</c> (the public status page and feeds, served from memory and
    /// polled by monitors, widgets and, during an incident, many readers behind shared addresses).
    /// </summary>
    [Range(1, 1_000_000, ErrorMessage = "RateLimits:StatusPerIpPerMinute must be between 1 and 1000000.")]
    public int StatusPerIpPerMinute { get; set; } = 120_000;

    /// <summary>Every other page and endpoint (landing, sign-up, legal pages, console pages, <c>/api/*</c>).</summary>
    [Range(1, 100_000, ErrorMessage = "RateLimits:PagesPerIpPerMinute must be between 1 and 100000.")]
    public int PagesPerIpPerMinute { get; set; } = 300;
}
