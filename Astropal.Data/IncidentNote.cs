namespace Astropal.Data;

/// <summary>An internal note on an incident: operators only, never public.</summary>
public sealed class IncidentNote
{
    public long Id { get; set; }

    public long IncidentId { get; set; }

    public required string Text { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }
}
