using Astropal.Data;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Status;

/// <summary>
/// Holds the current <see cref="StatusSnapshot"/> in memory. The derive job and <see cref="IStatusRefresh"/> rebuild it after
/// every change this instance makes; a request that finds it older than <c>Status:SnapshotTtl</c> (another instance may have
/// changed the database) starts one rebuild in the background and is answered from the snapshot it has. Only the very
/// first request of a process waits for a build. Each rebuild evicts the cached <c>/status</c> pages.
/// </summary>
public sealed partial class StatusSnapshotStore(
    IDbContextFactory<AstropalDbContext> dbFactory,
    StatusSnapshotBuilder builder,
    IOptionsMonitor<StatusOptions> options,
    TimeProvider clock,
    IOutputCacheStore pageCache,
    ILogger<StatusSnapshotStore> logger) : IDisposable
{
    /// <summary>The output-cache tag of the rendered status pages.</summary>
    public const string CacheTag = "status";

    private readonly SemaphoreSlim gate = new(1, 1);
    private StatusSnapshot? current;
    private int refreshing;

    /// <summary>The snapshot now, or null before the first build.</summary>
    public StatusSnapshot? Current => Volatile.Read(ref current);

    /// <summary>The snapshot to answer a request with (see the class summary).</summary>
    public async ValueTask<StatusSnapshot> GetAsync(CancellationToken cancellationToken)
    {
        var snapshot = Current;
        if (snapshot is null)
        {
            return await RebuildAsync(cancellationToken);
        }

        if (clock.GetUtcNow() - snapshot.BuiltAt > options.CurrentValue.SnapshotTtl && Interlocked.CompareExchange(ref refreshing, 1, 0) == 0)
        {
            _ = Task.Run(async () =>
            {
                try
                {
                    await RebuildAsync(CancellationToken.None);
                }
                catch (Exception ex)
                {
                    Log.RebuildFailed(logger, ex);
                }
                finally
                {
                    Volatile.Write(ref refreshing, 0);
                }
            }, CancellationToken.None);
        }

        return snapshot;
    }

    /// <summary>Builds a new snapshot from the database now and makes it current.</summary>
    public async Task<StatusSnapshot> RebuildAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var snapshot = await builder.BuildAsync(db, clock.GetUtcNow(), cancellationToken);
            Volatile.Write(ref current, snapshot);
            await pageCache.EvictByTagAsync(CacheTag, cancellationToken);
            return snapshot;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Could not rebuild the status snapshot; the previous one is served until the next try")]
        public static partial void RebuildFailed(ILogger logger, Exception exception);
    }
}
