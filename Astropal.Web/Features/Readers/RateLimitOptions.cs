using System.ComponentModel.DataAnnotations;

namespace Astropal.Web.Features.Readers;

/// <summary>Settings of the <c>RateLimits</c> section (public endpoints).</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Sign-up requests per client IP per hour, counting every request (accepted or not), from the API and the /start page alike.</summary>
    [Range(1, 10_000, ErrorMessage = "RateLimits:SignupsPerIpPerHour must be between 1 and 10000.")]
    public int SignupsPerIpPerHour { get; set; } = 5;

    /// <summary>Confirmation emails per address per 24 hours; beyond, the answer stays neutral and nothing is sent.</summary>
    [Range(1, 100, ErrorMessage = "RateLimits:SignupsPerAddressPerDay must be between 1 and 100.")]
    public int SignupsPerAddressPerDay { get; set; } = 1;

    /// <summary>Accepted sign-ups, so at most this many confirmation emails, per hour for the whole site; beyond, "try again later" and an alert.</summary>
    [Range(1, 100_000, ErrorMessage = "RateLimits:ConfirmationEmailsPerHour must be between 1 and 100000.")]
    public int ConfirmationEmailsPerHour { get; set; } = 200;

    /// <summary>Sign-in links emailed to one address per hour ("email me a new link" and signing up again); beyond, the answer stays neutral and nothing is sent.</summary>
    [Range(1, 100, ErrorMessage = "RateLimits:SignInLinksPerAddressPerHour must be between 1 and 100.")]
    public int SignInLinksPerAddressPerHour { get; set; } = 3;

    /// <summary>"Email me a new link" requests per client IP per hour, counting every request.</summary>
    [Range(1, 10_000, ErrorMessage = "RateLimits:SignInLinkRequestsPerIpPerHour must be between 1 and 10000.")]
    public int SignInLinkRequestsPerIpPerHour { get; set; } = 10;
}
