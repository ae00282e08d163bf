using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace Astropal.Web.Infrastructure.Health;

/// <summary>Ready when this instance's Quartz scheduler is running (started, not in standby or shut down). Registered only when <c>Scheduler:Enabled</c>.</summary>
internal sealed class SchedulerReadinessCheck(ISchedulerFactory schedulers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var scheduler = await schedulers.GetScheduler(cancellationToken);
            var status = scheduler.Status;
            var data = new Dictionary<string, object> { ["status"] = status.ToString() };
            return status switch
            {
                SchedulerStatus.Running => HealthCheckResult.Healthy("The scheduler is running.", data),
                SchedulerStatus.Standby => HealthCheckResult.Unhealthy("The scheduler is in standby: no job runs.", data: data),
                SchedulerStatus.ShuttingDown or SchedulerStatus.Shutdown => HealthCheckResult.Unhealthy("The scheduler is shut down.", data: data),
                _ => HealthCheckResult.Unhealthy("The scheduler has not started.", data: data),
            };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The scheduler check failed: " + e.GetType().Name);
        }
    }
}
