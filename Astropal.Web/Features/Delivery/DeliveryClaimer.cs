using System.Runtime.CompilerServices;
using Astropal.Core.Delivery;
using Astropal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Astropal.Web.Features.Delivery;

/// <summary>
/// Claims sendable ledger rows with a lease, by conditional update (safe with several instances): a row is this
/// instance's only if its update changed it. Rows left in <c>sending</c> past their lease (a crash) are claimable again.
/// </summary>
public sealed class DeliveryClaimer(IDbContextFactory<AstropalDbContext> dbFactory, LedgerWriteGate writeGate, TimeProvider time)
{
    /// <summary>Claims batch after batch until nothing is claimable (or the transport is out), yielding each claimed email; only one batch is in memory.</summary>
    internal async IAsyncEnumerable<ClaimedEmail> ClaimAllAsync(
        DateTimeOffset runStart, DeliveryOptions settings, StrongBox<int> claimed, TransportOutage outage, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // While the transport is out, claiming more only to hand it back would be wasted work.
        while (outage.Reason is null)
        {
            var batch = await ClaimBatchAsync(runStart, settings, cancellationToken);
            if (batch.Count == 0)
            {
                yield break;
            }

            claimed.Value += batch.Count;
            foreach (var email in batch)
            {
                yield return email;
            }
        }
    }

    /// <summary>
    /// Claims up to a batch of sendable rows, then loads those rows, their readers and which of their addresses are
    /// suppressed in one round of queries.
    /// </summary>
    private async Task<List<ClaimedEmail>> ClaimBatchAsync(DateTimeOffset runStart, DeliveryOptions settings, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        List<Guid> ours = [];
        DateTimeOffset lease = default;
        // Another instance may take every candidate first; then look again (it has changed them), a few times at most.
        for (var attempt = 0; attempt < 5 && ours.Count == 0; attempt++)
        {
            var candidates = await Claimable(db.Deliveries.AsNoTracking(), runStart)
                .OrderBy(d => d.TargetAt)
                .Select(d => d.Id)
                .Take(settings.BatchSize)
                .ToListAsync(cancellationToken);
            if (candidates.Count == 0)
            {
                return [];
            }

            var now = time.GetUtcNow();
            lease = now.AddSeconds(settings.LeaseSeconds);
            using (await writeGate.EnterAsync(cancellationToken))
            {
                ours = await db.Database.CreateExecutionStrategy().ExecuteAsync(
                    (Candidates: candidates, Now: now, Lease: lease),
                    async (_, state, ct) => await ClaimAsync(db, state.Candidates, runStart, state.Now, state.Lease, ct),
                    null,
                    cancellationToken);
            }
        }

        if (ours.Count == 0)
        {
            return [];
        }

        var loaded = await (
                from d in db.Deliveries.AsNoTracking()
                where ours.Contains(d.Id)
                join r in db.Readers.AsNoTracking() on d.ReaderId equals r.Id into readers
                from r in readers.DefaultIfEmpty()
                orderby d.TargetAt
                select new { Row = d, Reader = r })
            .ToListAsync(cancellationToken);

        // Each address hashed once (SHA-256), for the query and for the answer.
        var hashed = loaded.Select(x => (x.Row, x.Reader, Hash: x.Reader?.Email is { } email ? AddressHash.Of(email) : null)).ToList();
        var suppressed = await SuppressionList.WhichAreSuppressedAsync(db, hashed.Select(x => x.Hash).OfType<string>().Distinct().ToList(), cancellationToken);

        return hashed
            .Select(x => new ClaimedEmail(x.Row, x.Reader, x.Hash is not null && suppressed.Contains(x.Hash), lease))
            .ToList();
    }

    /// <summary>
    /// Claims the candidates that are still claimable, in one transaction (one commit, one fsync on SQLite). First one
    /// conditional update for all of them: when it changed every candidate, each was claimable and is ours. Otherwise
    /// another instance took some in between; then it is undone and each row is claimed by its own conditional update,
    /// which tells exactly which are ours.
    /// </summary>
    internal static async Task<List<Guid>> ClaimAsync(
        AstropalDbContext db, List<Guid> candidates, DateTimeOffset runStart, DateTimeOffset now, DateTimeOffset lease, CancellationToken cancellationToken)
    {
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var changed = await Claimable(db.Deliveries.Where(d => candidates.Contains(d.Id)), runStart)
                .ExecuteUpdateAsync(s => Claiming(s, lease, now), cancellationToken);
            if (changed == candidates.Count)
            {
                await transaction.CommitAsync(cancellationToken);
                return candidates;
            }

            await transaction.RollbackAsync(cancellationToken);
        }

        var won = new List<Guid>(candidates.Count);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            foreach (var id in candidates)
            {
                if (await Claimable(db.Deliveries.Where(d => d.Id == id), runStart).ExecuteUpdateAsync(s => Claiming(s, lease, now), cancellationToken) == 1)
                {
                    won.Add(id);
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return won;
    }

    /// <summary>Pending and due, or sending under a lease that ran out (its instance crashed or stopped).</summary>
    private static IQueryable<DeliveryRecord> Claimable(IQueryable<DeliveryRecord> rows, DateTimeOffset runStart) =>
        rows.Where(d => (d.Status == DeliveryStatus.Pending && (d.NextAttemptAt == null || d.NextAttemptAt <= runStart))
                        || (d.Status == DeliveryStatus.Sending && d.LeaseUntil < runStart));

    private static void Claiming(UpdateSettersBuilder<DeliveryRecord> s, DateTimeOffset lease, DateTimeOffset now) =>
        s.SetProperty(d => d.Status, DeliveryStatus.Sending)
            .SetProperty(d => d.LeaseUntil, lease)
            .SetProperty(d => d.Attempts, d => d.Attempts + 1)
            .SetProperty(d => d.UpdatedAt, now);
}
