using System.Globalization;
using Astropal.Data;
using Astropal.Web.Features.Audit;
using Astropal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Astropal.Web.Features.Jobs;

/// <summary>
/// The pause state of the scheduled jobs: one job, or all of them (the launch plan's rollback step 1). It lives in the
/// app's database (table JobPauses), so every instance sees it and it survives a restart. The Quartz trigger listener
/// vetoes a paused job's runs (scheduled, misfired or run now) and the delivery dispatcher checks it again before it
/// claims anything. Pausing and resuming are audited (<c>jobs.paused</c>, <c>jobs.resumed</c>).
/// </summary>
public sealed class JobPauses(IDbContextFactory<AstropalDbContext> dbFactory, AuditLog audit, TimeProvider clock)
{
    public const int ReasonLength = 500;

    /// <summary>Raised after a pause or resume in this instance (the console banner refreshes on it).</summary>
    public event Action? Changed;

    public async Task<IReadOnlyList<JobPause>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pauses = await db.JobPauses.AsNoTracking().ToListAsync(cancellationToken);
        return pauses.OrderBy(p => p.JobKey == JobPause.AllJobs ? 0 : 1).ThenBy(p => p.JobKey, StringComparer.Ordinal).ToList();
    }

    /// <summary>The pause of everything, or null.</summary>
    public async Task<JobPause?> AllPausedAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.JobPauses.AsNoTracking().FirstOrDefaultAsync(p => p.JobKey == JobPause.AllJobs, cancellationToken);
    }

    /// <summary>True when <paramref name="job"/> may not run now: all jobs are paused, or this one is.</summary>
    public async Task<bool> IsPausedAsync(JobKey job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var id = job.ToString();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.JobPauses.AnyAsync(p => p.JobKey == JobPause.AllJobs || p.JobKey == id, cancellationToken);
    }

    /// <summary>Pauses one job (<paramref name="jobName"/>) or, when it is null, all of them.</summary>
    public async Task<JobChangeResult> PauseAsync(string? jobName, string? reason, string actor, CancellationToken cancellationToken)
    {
        var (key, label, error) = Resolve(jobName);
        if (error is not null)
        {
            return JobChangeResult.Failed(error);
        }

        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            return JobChangeResult.Failed("A reason is required to pause jobs.");
        }

        if (reason.Length > ReasonLength)
        {
            return JobChangeResult.Failed($"The reason is {reason.Length} characters long; at most {ReasonLength} are kept.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var existing = await db.JobPauses.AsNoTracking().FirstOrDefaultAsync(p => p.JobKey == key, cancellationToken);
        if (existing is not null)
        {
            return JobChangeResult.Ok($"{label} already paused since {Format(existing.PausedAt)} by {existing.PausedBy}: {existing.Reason}");
        }

        var now = clock.GetUtcNow();
        db.JobPauses.Add(new JobPause { JobKey = key, Reason = reason, PausedBy = actor, PausedAt = now });
        audit.Add(db, actor, "jobs.paused", key == JobPause.AllJobs ? "all" : key, reason);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // Another instance or operator paused it at the same moment: the outcome is the same.
            return JobChangeResult.Ok($"{label} already paused.");
        }

        Changed?.Invoke();
        return JobChangeResult.Ok($"Paused {label}: {reason}");
    }

    /// <summary>Resumes one job or, when <paramref name="jobName"/> is null, everything (the pause of all and each job's own).</summary>
    public async Task<JobChangeResult> ResumeAsync(string? jobName, string actor, CancellationToken cancellationToken)
    {
        var (key, label, error) = Resolve(jobName);
        if (error is not null)
        {
            return JobChangeResult.Failed(error);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pauses = key == JobPause.AllJobs
            ? await db.JobPauses.ToListAsync(cancellationToken)
            : await db.JobPauses.Where(p => p.JobKey == key).ToListAsync(cancellationToken);
        if (pauses.Count == 0)
        {
            var stillAll = key != JobPause.AllJobs && await db.JobPauses.AnyAsync(p => p.JobKey == JobPause.AllJobs, cancellationToken);
            return JobChangeResult.Ok(stillAll
                ? $"{label} was not paused on its own; all jobs are still paused (resume with --all)."
                : $"{label} was not paused.");
        }

        db.JobPauses.RemoveRange(pauses);
        audit.Add(db, actor, "jobs.resumed", key == JobPause.AllJobs ? "all" : key, string.Join("; ", pauses.Select(p => $"{p.JobKey} paused by {p.PausedBy}: {p.Reason}")));
        await db.SaveChangesAsync(cancellationToken);
        Changed?.Invoke();

        var stillPaused = key != JobPause.AllJobs && await db.JobPauses.AnyAsync(p => p.JobKey == JobPause.AllJobs, cancellationToken);
        return JobChangeResult.Ok(stillPaused ? $"Resumed {label}; all jobs are still paused." : $"Resumed {label}.");
    }

    private static (string Key, string Label, string? Error) Resolve(string? jobName)
    {
        if (jobName is null)
        {
            return (JobPause.AllJobs, "all jobs", null);
        }

        var job = JobCatalog.Find(jobName);
        return job is null
            ? ("", "", $"There is no job called '{jobName}'. Jobs: {JobCatalog.Names}.")
            : (job.Id, job.Name, null);
    }

    internal static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
