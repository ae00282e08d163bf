using Quartz;

namespace Astropal.Web.Features.Backups;

/// <summary>The Quartz job behind <see cref="NightlyBackup"/>: daily at 02:30 UTC.</summary>
[DisallowConcurrentExecution]
public sealed class NightlyBackupJob(NightlyBackup backup) : IJob
{
    public static readonly JobKey Key = new("nightly-backup", "backups");

    /// <summary>Daily at 02:30, UTC (after the day's last sends in Europe and before the morning ones).</summary>
    public const string Cron = "0 30 2 * * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await backup.RunAsync(cancellationToken);
    }
}
