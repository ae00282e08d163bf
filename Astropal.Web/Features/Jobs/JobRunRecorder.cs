using Astropal.Data;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Astropal.Web.Features.Jobs;

/// <summary>Keeps each job's last start, end, outcome and error in the JobRuns table (one row per job).</summary>
public sealed class JobRunRecorder(IDbContextFactory<AstropalDbContext> dbFactory, TimeProvider clock) : IJobListener
{
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Skipped = "skipped";

    public string Name => "astropal-job-runs";

    public async ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        await RecordStartAsync(context.JobDetail.Key);
    }

    public async ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        await RecordSkippedAsync(context.JobDetail.Key);
    }

    public async ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        await RecordEndAsync(context.JobDetail.Key, jobException?.InnerException ?? jobException);
    }

    public ValueTask JobProgressChanged(IJobExecutionContext context, Quartz.Extensibility.FireInstanceProgress progress, CancellationToken cancellationToken = default) =>
        ValueTask.CompletedTask;

    internal Task RecordSkippedAsync(JobKey job)
    {
        var now = clock.GetUtcNow();
        return SaveAsync(job, row =>
        {
            row.LastStartedAt = now;
            row.LastFinishedAt = now;
            row.LastOutcome = Skipped;
            row.LastError = "Paused: the run was skipped.";
        });
    }

    internal Task RecordStartAsync(JobKey job)
    {
        var now = clock.GetUtcNow();
        return SaveAsync(job, row =>
        {
            row.LastStartedAt = now;
            row.LastFinishedAt = null;
            row.LastOutcome = Running;
            row.LastError = null;
        });
    }

    internal Task RecordEndAsync(JobKey job, Exception? error)
    {
        var now = clock.GetUtcNow();
        return SaveAsync(job, row =>
        {
            row.LastFinishedAt = now;
            row.LastOutcome = error is null ? Succeeded : Failed;
            if (error is null)
            {
                row.LastSucceededAt = now;
            }

            row.LastError = error is null ? null : Audit.AuditLog.Cap(error.Message, 2000);
        });
    }

    /// <summary>Saves without the run's token: the bookkeeping of a run must land even when the scheduler is shutting down.</summary>
    private async Task SaveAsync(JobKey job, Action<JobRunRecord> change)
    {
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        var id = job.ToString();
        var row = await db.JobRuns.FirstOrDefaultAsync(r => r.JobKey == id, CancellationToken.None);
        if (row is null)
        {
            row = new JobRunRecord { JobKey = id, LastOutcome = Running };
            db.JobRuns.Add(row);
        }

        change(row);
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
