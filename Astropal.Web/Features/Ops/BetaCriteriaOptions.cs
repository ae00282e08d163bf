using System.ComponentModel.DataAnnotations;

namespace Astropal.Web.Features.Ops;

/// <summary>
/// The beta success criteria of the <c>Beta</c> section that the overview checks (README, configuration).
/// <see cref="CostPerReaderUsd"/> defaults to the launch plan's week-1 goal of under $5 a day for its 4 beta readers.
/// </summary>
public sealed class BetaCriteriaOptions
{
    public const string SectionName = "Beta";

    /// <summary>Most the LLM calls may cost per active reader per day (USD), averaged over the last 7 days.</summary>
    [Range(typeof(decimal), "0.0001", "1000", ErrorMessage = "Beta:CostPerReaderUsd must be between 0.0001 and 1000 (USD per reader per day).")]
    public decimal CostPerReaderUsd { get; set; } = 1.25m;
}
