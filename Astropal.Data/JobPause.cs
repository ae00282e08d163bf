namespace Astropal.Data;

/// <summary>
/// A pause of one scheduled job, or of all of them (<see cref="JobKey"/> = <see cref="AllJobs"/>): the launch plan's
/// rollback lever. Kept in the app's database so it holds across instances and restarts; deleted on resume.
/// </summary>
public sealed class JobPause
{
    /// <summary>The <see cref="JobKey"/> of the pause that stops every job.</summary>
    public const string AllJobs = "*";

    public long Id { get; set; }

    /// <summary>The Quartz job key as <c>group.name</c>, or <see cref="AllJobs"/>.</summary>
    public required string JobKey { get; set; }

    public required string Reason { get; set; }

    /// <summary>The operator's email, or <c>cli</c>.</summary>
    public required string PausedBy { get; set; }

    public DateTimeOffset PausedAt { get; set; }
}
