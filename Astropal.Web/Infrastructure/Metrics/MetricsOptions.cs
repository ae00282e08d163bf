using System.ComponentModel.DataAnnotations;

namespace Astropal.Web.Infrastructure.Metrics;

/// <summary>Settings of the <c>Metrics</c> section (the targets are <c>Metrics:Targets</c>, see MetricTargetsOptions).</summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Metrics";

    /// <summary>
    /// Bearer token that lets a non-loopback client scrape <c>/metrics</c> (<c>Authorization: Bearer …</c>). Unset:
    /// only loopback clients are answered.
    /// </summary>
    [MinLength(16, ErrorMessage = "Metrics:ScrapeToken must be at least 16 characters (or unset to allow loopback scrapes only).")]
    public string? ScrapeToken { get; set; }

    /// <summary>Fixed costs per UTC day (hosting, email service) added to the LLM spend in <c>cost.daily.total</c>, USD.</summary>
    [Range(typeof(decimal), "0", "100000", ErrorMessage = "Metrics:FixedDailyCostUsd must be between 0 and 100000 (USD per day).")]
    public decimal FixedDailyCostUsd { get; set; }

    /// <summary>Record request counts and durations per minute into the database (<c>RequestMinutes</c>).</summary>
    public bool RecordRequests { get; set; } = true;
}
