namespace Astropal.Web.Features.OperatorApi;

/// <summary>A scheduled job as the operator API returns it; <see cref="NextRunAt"/> is null where the scheduler does not run.</summary>
public sealed record JobResource(
    string Name,
    string Key,
    string Schedule,
    string Purpose,
    bool Paused,
    bool PausedByAll,
    string? PauseReason,
    string? PausedBy,
    DateTimeOffset? PausedAt,
    DateTimeOffset? LastStartedAt,
    DateTimeOffset? LastFinishedAt,
    string? LastOutcome,
    string? LastError,
    double? LastDurationSeconds,
    DateTimeOffset? NextRunAt);
