using System.ComponentModel.DataAnnotations;

namespace Astropal.Core.Readers;

/// <summary>Settings of the <c>Portal</c> section: the reader's preferences portal at <c>/me</c> and the links that open it.</summary>
public sealed class PortalOptions
{
    public const string SectionName = "Portal";

    /// <summary>How long a reader session (cookie <c>astropal.reader</c>) lasts without activity; sliding.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "1.00:00:00", ErrorMessage = "Portal:SessionLifetime must be between 00:05:00 and 1.00:00:00.")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Lifetime of a sign-in link sent by email ("email me a new link", signing up again); each works once.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "2.00:00:00", ErrorMessage = "Portal:SignInLinkLifetime must be between 00:05:00 and 2.00:00:00.")]
    public TimeSpan SignInLinkLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Lifetime of the preferences and perspective links in every reader email; they work any number of times until then.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "365.00:00:00", ErrorMessage = "Portal:EmailLinkLifetime must be between 1.00:00:00 and 365.00:00:00.")]
    public TimeSpan EmailLinkLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Days after which backups no longer hold a deleted reader's data; stated in the account-deleted email.</summary>
    [Range(1, 365, ErrorMessage = "Portal:BackupRetentionDays must be between 1 and 365.")]
    public int BackupRetentionDays { get; set; } = 30;
}
