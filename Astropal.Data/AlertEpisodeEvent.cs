namespace Astropal.Data;

/// <summary>A line of an episode's timeline: pending, fired, reminded, acknowledged, silenced, resolved, … with who and what.</summary>
public sealed class AlertEpisodeEvent
{
    public long Id { get; set; }

    public long EpisodeId { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>pending, fired, reminder, acknowledged, silenced, resolved, notification-failed, …</summary>
    public required string Kind { get; set; }

    /// <summary>The operator's email for an operator's action; null for the evaluator.</summary>
    public string? Actor { get; set; }

    public string? Detail { get; set; }
}
