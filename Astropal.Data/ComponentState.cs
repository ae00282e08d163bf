namespace Astropal.Data;

/// <summary>
/// A status-page component's state, worst last. Stored by name; the public JSON spells them the Statuspage way
/// (<c>operational</c>, <c>degraded_performance</c>, <c>partial_outage</c>, <c>major_outage</c>, <c>under_maintenance</c>).
/// </summary>
public enum ComponentState
{
    Operational,
    DegradedPerformance,
    PartialOutage,
    MajorOutage,
    UnderMaintenance,
}
