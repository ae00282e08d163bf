namespace Astropal.Web.Features.Status;

/// <summary>
/// Everything the public status outputs show, built at once from the database and never changed afterwards: the pages
/// render from it and the JSON and Atom bodies are serialised once, so requests do no database work.
/// </summary>
public sealed record StatusSnapshot(
    DateTimeOffset BuiltAt,
    StatusIndicator Status,
    IReadOnlyList<StatusComponentView> Components,
    IReadOnlyList<PublicIncident> ActiveIncidents,
    IReadOnlyList<PublicIncident> History,
    IReadOnlyList<PublicMaintenance> Maintenances)
{
    /// <summary><c>/status.json</c> (UTF-8).</summary>
    public byte[] SummaryJson { get; init; } = [];

    /// <summary><c>/status/history.json</c> (UTF-8).</summary>
    public byte[] HistoryJson { get; init; } = [];

    /// <summary><c>/status/feed.atom</c> (UTF-8).</summary>
    public byte[] AtomFeed { get; init; } = [];

    /// <summary>When anything shown last changed (the newest component, incident or maintenance time; the build time when none).</summary>
    public DateTimeOffset UpdatedAt =>
        Components.Select(c => c.UpdatedAt)
            .Concat(History.Select(i => i.UpdatedAt))
            .Concat(Maintenances.Select(m => m.UpdatedAt))
            .DefaultIfEmpty(BuiltAt)
            .Max();
}
