using Astropal.Data;

namespace Astropal.Web.Features.Jobs;

/// <summary>One job as the console, the command line and the API show it.</summary>
public sealed record JobStatus(
    JobDefinition Job,
    JobPause? Pause,
    JobRunRecord? LastRun,
    DateTimeOffset? NextRunAt,
    DateTimeOffset? PreviousFireAt)
{
    public bool IsPaused => Pause is not null;

    /// <summary>The last run's duration, when it has finished.</summary>
    public TimeSpan? LastDuration => LastRun?.LastFinishedAt is { } end ? end - LastRun.LastStartedAt : null;
}
