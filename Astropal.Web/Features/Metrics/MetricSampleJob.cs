using Quartz;

namespace Astropal.Web.Features.Metrics;

/// <summary>The Quartz job behind <see cref="MetricSampler.SampleAsync"/>: every minute, on the minute.</summary>
[DisallowConcurrentExecution]
public sealed class MetricSampleJob(MetricSampler sampler) : IJob
{
    public static readonly JobKey Key = new("metrics-sample", "metrics");

    /// <summary>Every minute at second 5 (the previous minute's request counts are flushed by then).</summary>
    public const string Cron = "5 * * * * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await sampler.SampleAsync(cancellationToken);
    }
}
