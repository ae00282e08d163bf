using Quartz;

namespace Astropal.Web.Features.Metrics;

/// <summary>Hourly rollup of minute samples older than seven days and deletion of samples older than 400 days.</summary>
[DisallowConcurrentExecution]
public sealed class MetricRollupJob(MetricSampler sampler) : IJob
{
    public static readonly JobKey Key = new("metrics-rollup", "metrics");

    /// <summary>Hourly at :07, UTC.</summary>
    public const string Cron = "0 7 * * * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await sampler.RollUpAsync(cancellationToken);
    }
}
