using System.ComponentModel.DataAnnotations;

namespace Astropal.Web.Features.Metrics;

/// <summary>Settings of the <c>Metrics</c> section other than the targets.</summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Metrics";

    /// <summary>Fixed costs per UTC day (hosting, email service) added to the LLM spend in <c>cost.daily.total</c>, USD.</summary>
    [Range(typeof(decimal), "0", "100000", ErrorMessage = "Metrics:FixedDailyCostUsd must be between 0 and 100000 (USD per day).")]
    public decimal FixedDailyCostUsd { get; set; }

    /// <summary>Record request counts and durations per minute into the database (<c>RequestMinutes</c>).</summary>
    public bool RecordRequests { get; set; } = true;
}
