namespace Astropal.Web.Features.Incidents;

/// <summary>
/// A public update of an incident: its message, the status it sets (the same or later; from resolved, a reopening) and
/// the component states it changes (components not named keep theirs; a new one joins the incident).
/// <see cref="ExpectedVersion"/>, when given, refuses the update if the incident changed since it was read.
/// </summary>
public sealed record IncidentUpdateDraft(
    string? Status,
    string? Message,
    IReadOnlyDictionary<string, string>? Components,
    int? ExpectedVersion = null,
    ReaderNoticeAudience? NotifyReaders = null);
