using Quartz;

namespace Astropal.Web.Features.Status;

/// <summary>The Quartz job behind <see cref="StatusUpdater.DeriveAsync"/>: every minute, never two at once in one instance.</summary>
[DisallowConcurrentExecution]
public sealed class StatusDeriveJob(StatusUpdater updater) : IJob
{
    public static readonly JobKey Key = new("status-derive", "status");

    /// <summary>Every minute at second 15 (after the request counts are flushed and the metrics sampled).</summary>
    public const string Cron = "15 * * * * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await updater.DeriveAsync(cancellationToken);
    }
}
