namespace Astropal.Web.Features.Incidents;

/// <summary>A component an incident affects: its key, shown name and the state the incident gives it (Statuspage spelling).</summary>
public sealed record IncidentComponentResource(string Key, string Name, string Status);
