using System.ComponentModel.DataAnnotations;

namespace Astropal.Web.Infrastructure.Metrics;

/// <summary>Settings of the <c>Metrics</c> section.</summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Metrics";

    /// <summary>
    /// Bearer token that lets a non-loopback client scrape <c>/metrics</c> (<c>Authorization: Bearer …</c>). Unset:
    /// only loopback clients are answered.
    /// </summary>
    [MinLength(16, ErrorMessage = "Metrics:ScrapeToken must be at least 16 characters (or unset to allow loopback scrapes only).")]
    public string? ScrapeToken { get; set; }
}
