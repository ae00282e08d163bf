using Astropal.Data;
using Astropal.Web.Features.Status;

namespace Astropal.Web.Features.Incidents;

/// <summary>A maintenance window as the operator API answers it; <c>phase</c> is upcoming, active, past or cancelled.</summary>
public sealed record MaintenanceResource(
    long Id,
    string Title,
    string Message,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string Phase,
    IReadOnlyList<IncidentComponentResource> Components,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? CancelledAt)
{
    public static MaintenanceResource From(Maintenance window, StatusComponentCatalog catalog, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(catalog);
        return new(
            window.Id,
            window.Title,
            window.Message,
            window.StartsAt,
            window.EndsAt,
            MaintenanceService.PhaseOf(window, now).ToString().ToLowerInvariant(),
            window.Components
                .OrderBy(c => catalog.All.ToList().FindIndex(k => k.Key == c.Component))
                .Select(c => new IncidentComponentResource(c.Component, catalog.NameOf(c.Component), ComponentState.UnderMaintenance.Wire())).ToList(),
            window.CreatedAt,
            window.CreatedBy,
            window.CancelledAt);
    }
}
