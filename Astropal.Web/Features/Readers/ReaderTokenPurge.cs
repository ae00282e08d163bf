using Astropal.Data;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Astropal.Web.Features.Readers;

/// <summary>
/// Deletes confirmation and sign-in tokens that expired more than <see cref="KeptAfterExpiry"/> ago, used or not.
/// Until then a link still finds its row, so its page can say "this link has expired" rather than "not valid";
/// after that a row only holds a hash nobody can use. Daily at 03:17 UTC (<see cref="ReaderTokenPurgeJob"/>).
/// </summary>
public sealed partial class ReaderTokenPurge(IDbContextFactory<AstropalDbContext> dbFactory, TimeProvider clock, ILogger<ReaderTokenPurge> logger)
{
    public static readonly TimeSpan KeptAfterExpiry = TimeSpan.FromDays(30);

    /// <summary>Deletes the tokens past their keeping time; returns how many.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - KeptAfterExpiry;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var deleted = await db.ReaderTokens.Where(t => t.ExpiresAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0)
        {
            Log.Purged(logger, deleted, cutoff);
        }

        return deleted;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} reader tokens that expired before {Cutoff:u}")]
        public static partial void Purged(ILogger logger, int count, DateTimeOffset cutoff);
    }
}

/// <summary>The Quartz job behind <see cref="ReaderTokenPurge"/>.</summary>
[DisallowConcurrentExecution]
public sealed class ReaderTokenPurgeJob(ReaderTokenPurge purge) : IJob
{
    public static readonly JobKey Key = new("reader-token-purge", "readers");

    /// <summary>Daily at 03:17, UTC.</summary>
    public const string Cron = "0 17 3 * * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await purge.RunAsync(cancellationToken);
    }
}
