namespace Astropal.Data;

/// <summary>The last run of one scheduled job, written by the job listener (one row per job, updated in place).</summary>
public sealed class JobRunRecord
{
    /// <summary>The Quartz job key as <c>group.name</c>.</summary>
    public required string JobKey { get; set; }

    public DateTimeOffset LastStartedAt { get; set; }

    public DateTimeOffset? LastFinishedAt { get; set; }

    /// <summary><c>running</c>, <c>succeeded</c>, <c>failed</c> or <c>skipped</c> (vetoed while paused).</summary>
    public required string LastOutcome { get; set; }

    public string? LastError { get; set; }

    /// <summary>When a run last finished without an error (kept across skipped and failed runs; the status page's Scheduler reads it).</summary>
    public DateTimeOffset? LastSucceededAt { get; set; }
}
