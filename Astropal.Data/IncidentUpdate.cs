namespace Astropal.Data;

/// <summary>A timestamped public update of an incident: a message and the status it set (the opening message is the first).</summary>
public sealed class IncidentUpdate
{
    public long Id { get; set; }

    public long IncidentId { get; set; }

    public IncidentStatus Status { get; set; }

    public required string Message { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }
}
