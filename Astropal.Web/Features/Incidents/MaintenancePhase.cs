namespace Astropal.Web.Features.Incidents;

/// <summary>Where a maintenance window stands now: not started, in progress, over, or cancelled.</summary>
public enum MaintenancePhase
{
    Upcoming,
    Active,
    Past,
    Cancelled,
}
