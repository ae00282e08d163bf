using Astropal.Data;

namespace Astropal.Web.Features.Status;

/// <summary>
/// Three thresholds of one health signal: past <see cref="Degraded"/> the component shows degraded performance, past
/// <see cref="Partial"/> a partial outage, past <see cref="Major"/> a major outage. "Past" is below for a rate where
/// higher is better (the delivery rate), above for the others.
/// </summary>
public sealed class StatusBand
{
    public double Degraded { get; set; }

    public double Partial { get; set; }

    public double Major { get; set; }

    /// <summary>The state for <paramref name="value"/> where higher is worse (value at or above a threshold crosses it).</summary>
    public ComponentState Above(double value) =>
        value >= Major ? ComponentState.MajorOutage
        : value >= Partial ? ComponentState.PartialOutage
        : value >= Degraded ? ComponentState.DegradedPerformance
        : ComponentState.Operational;

    /// <summary>The state for <paramref name="value"/> where lower is worse (value below a threshold crosses it).</summary>
    public ComponentState Below(double value) =>
        value < Major ? ComponentState.MajorOutage
        : value < Partial ? ComponentState.PartialOutage
        : value < Degraded ? ComponentState.DegradedPerformance
        : ComponentState.Operational;
}
