using Quartz;

namespace Astropal.Web.Features.Jobs;

/// <summary>
/// Vetoes every run of a paused job, however it was fired (its schedule, a misfire, run now), on every instance:
/// the pause state is read from the database at each fire.
/// </summary>
public sealed class JobPauseVeto(JobPauses pauses) : ITriggerListener
{
    public string Name => "astropal-job-pause-veto";

    public async ValueTask<bool> VetoJobExecution(ITrigger trigger, IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        return await pauses.IsPausedAsync(context.JobDetail.Key, cancellationToken);
    }

    public ValueTask TriggerFired(ITrigger trigger, IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask TriggerMisfired(ITrigger trigger, IScheduler scheduler, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask TriggerComplete(ITrigger trigger, IJobExecutionContext context, SchedulerInstruction triggerInstructionCode, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
}
