using System.ComponentModel.DataAnnotations;

namespace Astropal.Web.Features.Readers;

/// <summary>Settings of the <c>RateLimits</c> section (public endpoints).</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Sign-up requests per client IP per hour, counting every request (accepted or not).</summary>
    [Range(1, 10_000, ErrorMessage = "RateLimits:SignupsPerIpPerHour must be between 1 and 10000.")]
    public int SignupsPerIpPerHour { get; set; } = 5;

    /// <summary>Accepted sign-ups (confirmation emails) per address per 24 hours.</summary>
    [Range(1, 100, ErrorMessage = "RateLimits:SignupsPerAddressPerDay must be between 1 and 100.")]
    public int SignupsPerAddressPerDay { get; set; } = 1;

    /// <summary>Sign-in links emailed to one address per hour ("email me a new link" and signing up again); beyond, the answer stays neutral and nothing is sent.</summary>
    [Range(1, 100, ErrorMessage = "RateLimits:SignInLinksPerAddressPerHour must be between 1 and 100.")]
    public int SignInLinksPerAddressPerHour { get; set; } = 3;

    /// <summary>"Email me a new link" requests per client IP per hour, counting every request.</summary>
    [Range(1, 10_000, ErrorMessage = "RateLimits:SignInLinkRequestsPerIpPerHour must be between 1 and 10000.")]
    public int SignInLinkRequestsPerIpPerHour { get; set; } = 10;
}
