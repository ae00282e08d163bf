namespace Astropal.Data;

/// <summary>
/// An incident (SPEC, launch plan: acknowledge → assess → mitigate → communicate → resolve → review). Its public face is
/// the title, status, affected components and <see cref="Updates"/>; <see cref="Notes"/>, <see cref="AlertLinks"/> and the
/// post-mortem are operator-only and never appear on the status page. <see cref="Version"/> is a concurrency token.
/// </summary>
public sealed class Incident
{
    public long Id { get; set; }

    public required string Title { get; set; }

    public IncidentSeverity Severity { get; set; }

    public IncidentStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>The operator (email) or API key name that opened it.</summary>
    public required string CreatedBy { get; set; }

    /// <summary>Markdown, written after resolution.</summary>
    public string? PostMortem { get; set; }

    public DateTimeOffset? PostMortemAt { get; set; }

    public int Version { get; set; }

    public List<IncidentUpdate> Updates { get; } = [];

    public List<IncidentComponent> Components { get; } = [];

    public List<IncidentNote> Notes { get; } = [];

    public List<IncidentAlertLink> AlertLinks { get; } = [];
}
