namespace Astropal.Data;

/// <summary>An alert episode that started (or belongs to) an incident.</summary>
public sealed class IncidentAlertLink
{
    public long IncidentId { get; set; }

    public long AlertEpisodeId { get; set; }
}
