using System.Threading.Channels;
using Astropal.Core.Delivery;
using Astropal.Data;
using Microsoft.EntityFrameworkCore;

namespace Astropal.Web.Features.Delivery;

/// <summary>
/// Writes outcomes as they come, as many as are waiting in one transaction (one while the run is slow, hundreds when
/// it is fast), through <see cref="OutcomeCommands"/>. Each update applies only while the row is still ours. When
/// writing fails the run is stopped; the rows whose outcome was not written stay in <c>sending</c> and are retried
/// after the lease with the same Message-ID.
/// </summary>
public sealed partial class OutcomeRecorder(IDbContextFactory<AstropalDbContext> dbFactory, LedgerWriteGate writeGate, ILogger<OutcomeRecorder> logger)
{
    /// <summary>Most outcomes written in one transaction.</summary>
    private const int MaxOutcomesPerTransaction = 256;

    /// <summary>Records until the channel completes; cancels <paramref name="abort"/> (the run) when a write fails.</summary>
    internal async Task RecordAsync(ChannelReader<DeliveryOutcome> outcomes, CancellationTokenSource abort)
    {
        // Not cancelled with the run: the outcome of an email that went out is written even while the host stops.
        var pending = new List<DeliveryOutcome>(MaxOutcomesPerTransaction);
        try
        {
            while (await outcomes.WaitToReadAsync(CancellationToken.None))
            {
                while (pending.Count < MaxOutcomesPerTransaction && outcomes.TryRead(out var outcome))
                {
                    pending.Add(outcome);
                }

                await WriteAsync(pending);
                pending.Clear();
            }
        }
        catch
        {
            await abort.CancelAsync();
            throw;
        }
    }

    private async Task WriteAsync(List<DeliveryOutcome> outcomes)
    {
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        List<Guid> lost;
        using (await writeGate.EnterAsync(CancellationToken.None))
        {
            lost = await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
            {
                var notOurs = new List<Guid>();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await using (var commands = OutcomeCommands.For(db))
                {
                    foreach (var o in outcomes)
                    {
                        var ours = o.Released
                            ? await commands.ReleaseAsync(o.Id, o.LeaseUntil, o.Error, o.NextAttemptAt, o.At, ct)
                            : await commands.FinishAsync(
                                o.Id, o.LeaseUntil, o.Status, o.Error, o.Status == DeliveryStatus.Sent ? o.At : null, o.LatenessSeconds, o.NextAttemptAt, o.At, ct);
                        if (!ours)
                        {
                            notOurs.Add(o.Id);
                        }
                    }
                }

                await transaction.CommitAsync(ct);
                return notOurs;
            }, CancellationToken.None);
        }

        foreach (var id in lost)
        {
            Log.LeaseLost(logger, id);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} was no longer ours when its outcome was recorded (lease expired)")]
        public static partial void LeaseLost(ILogger logger, Guid deliveryId);
    }
}
