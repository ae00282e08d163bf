namespace Astropal.Web.Features.Incidents;

/// <summary>
/// A new incident as the console or the API gives it: text as typed (severity <c>P1</c>..<c>P4</c>, status and component
/// states in the Statuspage spellings, components by key or shown name), checked by <see cref="IncidentService"/>.
/// </summary>
public sealed record IncidentDraft(
    string? Title,
    string? Severity,
    string? Status,
    string? Message,
    IReadOnlyDictionary<string, string>? Components,
    IReadOnlyList<long>? AlertEpisodeIds = null,
    ReaderNoticeAudience? NotifyReaders = null);
