using Astropal.Data;

namespace Astropal.Web.Features.Status;

/// <summary>
/// The page's overall status, Statuspage style: the indicator is the worse of the worst component state (degraded → minor,
/// partial outage → major, major outage → critical) and the worst unresolved incident's impact; under maintenance alone is
/// <c>none</c> with its own description.
/// </summary>
public sealed record StatusIndicator(string Indicator, string Description)
{
    private static readonly string[] Order = ["none", "minor", "major", "critical"];

    public static StatusIndicator From(IEnumerable<ComponentState> states, IEnumerable<PublicIncident> unresolved)
    {
        var list = states.ToList();
        var worst = StatusStates.Worst(list);
        var byComponents = worst switch
        {
            ComponentState.DegradedPerformance => "minor",
            ComponentState.PartialOutage => "major",
            ComponentState.MajorOutage => "critical",
            _ => "none",
        };
        var byIncidents = unresolved.Select(i => i.Impact).DefaultIfEmpty("none").MaxBy(i => Array.IndexOf(Order, i))!;
        var indicator = Array.IndexOf(Order, byIncidents) > Array.IndexOf(Order, byComponents) ? byIncidents : byComponents;
        var description = indicator switch
        {
            "minor" => "Minor Service Outage",
            "major" => "Partial System Outage",
            "critical" => "Major Service Outage",
            _ => list.Contains(ComponentState.UnderMaintenance) ? "Service Under Maintenance" : "All Systems Operational",
        };
        return new(indicator, description);
    }
}
