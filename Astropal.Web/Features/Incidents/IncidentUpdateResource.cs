namespace Astropal.Web.Features.Incidents;

/// <summary>A public update of an incident: the status it set (Statuspage spelling), its message, when and by whom.</summary>
public sealed record IncidentUpdateResource(long Id, string Status, string Message, DateTimeOffset CreatedAt, string CreatedBy);
