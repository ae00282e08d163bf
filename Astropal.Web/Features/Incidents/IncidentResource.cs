using Astropal.Data;
using Astropal.Web.Features.Status;

namespace Astropal.Web.Features.Incidents;

/// <summary>
/// An incident as the operator API answers it (operator-only: internal notes, alert links and the post-mortem included).
/// <c>severity</c> is P1..P4, <c>status</c> and component <c>status</c> use the Statuspage spellings, <c>impact</c> is
/// Statuspage's (critical, major, minor, none). Updates and notes are oldest first.
/// </summary>
public sealed record IncidentResource(
    long Id,
    string Title,
    string Severity,
    string Impact,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ResolvedAt,
    string CreatedBy,
    IReadOnlyList<IncidentComponentResource> Components,
    IReadOnlyList<IncidentUpdateResource> Updates,
    IReadOnlyList<IncidentNoteResource> Notes,
    IReadOnlyList<long> AlertEpisodeIds,
    string? PostMortem,
    DateTimeOffset? PostMortemAt,
    int Version)
{
    public static IncidentResource From(Incident incident, StatusComponentCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(catalog);
        return new(
            incident.Id,
            incident.Title,
            incident.Severity.ToString(),
            IncidentSeverities.Impact(incident.Severity),
            incident.Status.Wire(),
            incident.CreatedAt,
            incident.UpdatedAt,
            incident.ResolvedAt,
            incident.CreatedBy,
            incident.Components
                .OrderBy(c => catalog.All.ToList().FindIndex(k => k.Key == c.Component))
                .Select(c => new IncidentComponentResource(c.Component, catalog.NameOf(c.Component), c.State.Wire())).ToList(),
            incident.Updates.Select(u => new IncidentUpdateResource(u.Id, u.Status.Wire(), u.Message, u.CreatedAt, u.CreatedBy)).ToList(),
            incident.Notes.Select(n => new IncidentNoteResource(n.Id, n.Text, n.CreatedAt, n.CreatedBy)).ToList(),
            incident.AlertLinks.Select(l => l.AlertEpisodeId).Order().ToList(),
            incident.PostMortem,
            incident.PostMortemAt,
            incident.Version);
    }
}
