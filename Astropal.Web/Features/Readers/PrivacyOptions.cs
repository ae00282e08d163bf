using System.ComponentModel.DataAnnotations;

namespace Astropal.Web.Features.Readers;

/// <summary>Settings of the <c>Privacy</c> section.</summary>
public sealed class PrivacyOptions
{
    public const string SectionName = "Privacy";

    /// <summary>
    /// A reader inactive this many months (no portal visit or preference change, no followed email link; never active:
    /// since confirming or signing up) has their personal data erased, after a notice 30 days before (docs/privacy.md).
    /// </summary>
    [Range(2, 240, ErrorMessage = "Privacy:PurgeAfterMonths must be between 2 and 240.")]
    public int PurgeAfterMonths { get; set; } = 24;
}
