using Quartz;

namespace Astropal.Web.Features.Alerts;

/// <summary>The Quartz job behind <see cref="AlertEvaluator.EvaluateAsync"/>: every <c>Alerts:EvaluationInterval</c>, never two at once.</summary>
[DisallowConcurrentExecution]
public sealed class AlertEvaluationJob(AlertEvaluator evaluator) : IJob
{
    public static readonly JobKey Key = new("alerts-evaluate", "alerts");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await evaluator.EvaluateAsync(cancellationToken);
    }
}
