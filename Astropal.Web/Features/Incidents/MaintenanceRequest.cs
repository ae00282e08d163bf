namespace Astropal.Web.Features.Incidents;

/// <summary>The body of <c>POST /api/ops/maintenance</c>: start and end (ISO 8601, UTC), components by name or key.</summary>
public sealed record MaintenanceRequest(string? Title, string? Message, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, List<string>? Components);
