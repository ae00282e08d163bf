using Astropal.Data;

namespace Astropal.Web.Features.Status;

/// <summary>
/// How bad a component state is, for "the worst of several" (incidents, a day's bar, the overall banner): operational,
/// under maintenance (planned), degraded performance, partial outage, major outage.
/// </summary>
public static class StatusStates
{
    public static int Rank(this ComponentState state) => state switch
    {
        ComponentState.Operational => 0,
        ComponentState.UnderMaintenance => 1,
        ComponentState.DegradedPerformance => 2,
        ComponentState.PartialOutage => 3,
        _ => 4,
    };

    public static ComponentState Worst(ComponentState a, ComponentState b) => b.Rank() > a.Rank() ? b : a;

    public static ComponentState Worst(IEnumerable<ComponentState> states) => states.Aggregate(ComponentState.Operational, Worst);
}
