namespace Astropal.Web.Features.Incidents;

/// <summary>An internal note of an incident (operator API only).</summary>
public sealed record IncidentNoteResource(long Id, string Text, DateTimeOffset CreatedAt, string CreatedBy);
