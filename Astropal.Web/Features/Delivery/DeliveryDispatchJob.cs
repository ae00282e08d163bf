using Quartz;

namespace Astropal.Web.Features.Delivery;

/// <summary>The Quartz job behind delivery: one dispatcher run every minute, never two at once per scheduler.</summary>
[DisallowConcurrentExecution]
public sealed class DeliveryDispatchJob(DeliveryDispatcher dispatcher) : IJob
{
    public static readonly JobKey Key = new("delivery-dispatch", "delivery");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await dispatcher.RunAsync(cancellationToken);
    }
}
