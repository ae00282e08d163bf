namespace Astropal.Web.Features.Incidents;

/// <summary>
/// The body of <c>POST /api/ops/incidents/{id}/updates</c>: <c>status</c> (the same or later; from resolved, reopens within
/// 7 days), <c>message</c>, and optionally <c>components</c> whose state changes (others keep theirs).
/// </summary>
public sealed record IncidentUpdateRequest(string? Status, string? Message, Dictionary<string, string>? Components);
