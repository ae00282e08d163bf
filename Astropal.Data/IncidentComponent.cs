namespace Astropal.Data;

/// <summary>A component an incident affects and the state the incident gives it while unresolved.</summary>
public sealed class IncidentComponent
{
    public long IncidentId { get; set; }

    /// <summary>The component's stable key (e.g. <c>email-delivery</c>).</summary>
    public required string Component { get; set; }

    public ComponentState State { get; set; }
}
