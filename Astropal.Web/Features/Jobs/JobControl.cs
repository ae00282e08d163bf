using Astropal.Data;
using Astropal.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Astropal.Web.Features.Jobs;

/// <summary>
/// The jobs as one list (schedule, pause, last run, next run) and "run now". Next runs come from this instance's
/// Quartz scheduler when it is running; a command-line process or an instance with <c>Scheduler:Enabled=false</c>
/// has none, and shows the schedule in words only.
/// </summary>
public sealed class JobControl(
    IDbContextFactory<AstropalDbContext> dbFactory,
    JobPauses pauses,
    AuditLog audit,
    IServiceProvider services)
{
    /// <summary>The running scheduler of this process, or null (never creates one).</summary>
    public async Task<IScheduler?> RunningSchedulerAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<ISchedulerFactory>() is not { } factory)
        {
            return null;
        }

        var schedulers = await factory.GetAllSchedulers(cancellationToken);
        return schedulers.FirstOrDefault(s => s.Status == SchedulerStatus.Running);
    }

    public async Task<IReadOnlyList<JobStatus>> ListAsync(CancellationToken cancellationToken)
    {
        var paused = await pauses.ListAsync(cancellationToken);
        var all = paused.FirstOrDefault(p => p.JobKey == JobPause.AllJobs);
        Dictionary<string, JobRunRecord> runs;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            runs = await db.JobRuns.AsNoTracking().ToDictionaryAsync(r => r.JobKey, StringComparer.Ordinal, cancellationToken);
        }

        var scheduler = await RunningSchedulerAsync(cancellationToken);
        var list = new List<JobStatus>(JobCatalog.All.Count);
        foreach (var job in JobCatalog.All)
        {
            DateTimeOffset? next = null;
            DateTimeOffset? previous = null;
            if (scheduler is not null)
            {
                var triggers = await scheduler.GetTriggersOfJob(job.Key, cancellationToken);
                next = triggers.Select(t => t.NextFireTimeUtc).Where(t => t.HasValue).Min();
                previous = triggers.Select(t => t.PreviousFireTimeUtc).Where(t => t.HasValue).Max();
            }

            var pause = paused.FirstOrDefault(p => p.JobKey == job.Id) ?? all;
            list.Add(new JobStatus(job, pause, runs.GetValueOrDefault(job.Id), next, previous));
        }

        return list;
    }

    /// <summary>Fires <paramref name="jobName"/> once on this instance's scheduler. A paused job is refused (and would be vetoed).</summary>
    public async Task<JobChangeResult> RunNowAsync(string jobName, string actor, CancellationToken cancellationToken)
    {
        var job = JobCatalog.Find(jobName);
        if (job is null)
        {
            return JobChangeResult.Failed($"There is no job called '{jobName}'. Jobs: {JobCatalog.Names}.");
        }

        if (await pauses.IsPausedAsync(job.Key, cancellationToken))
        {
            return JobChangeResult.Failed($"{job.Name} is paused; resume it before running it.");
        }

        var scheduler = await RunningSchedulerAsync(cancellationToken);
        if (scheduler is null)
        {
            return JobChangeResult.Failed("The scheduler does not run in this instance (Scheduler:Enabled is false), so a job cannot be run now here.");
        }

        await scheduler.TriggerJob(job.Key, cancellationToken);
        await audit.RecordAsync(actor, "jobs.run-now", job.Id, null, cancellationToken);
        return JobChangeResult.Ok($"{job.Name} was started.");
    }
}
