namespace Astropal.Web.Features.Incidents;

/// <summary>A maintenance window as the console or the API gives it (times in UTC, components by key or shown name).</summary>
public sealed record MaintenanceDraft(
    string? Title,
    string? Message,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    IReadOnlyList<string>? Components);
