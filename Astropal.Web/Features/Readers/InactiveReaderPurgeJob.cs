using Quartz;

namespace Astropal.Web.Features.Readers;

/// <summary>
/// The Quartz job behind <see cref="InactiveReaderPurge"/>: daily at 04:10 UTC. Daily rather than monthly so that each
/// reader gets the notice when their own 30 days start and is purged when they end, not up to a month later.
/// </summary>
[DisallowConcurrentExecution]
public sealed class InactiveReaderPurgeJob(InactiveReaderPurge purge) : IJob
{
    public static readonly JobKey Key = new("inactive-reader-purge", "readers");

    /// <summary>Daily at 04:10, UTC.</summary>
    public const string Cron = "0 10 4 * * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await purge.RunAsync(cancellationToken);
    }
}
