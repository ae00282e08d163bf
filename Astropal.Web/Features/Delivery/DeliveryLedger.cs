using Astropal.Core.Delivery;
using Astropal.Core.Email;
using Astropal.Data;
using Microsoft.EntityFrameworkCore;

namespace Astropal.Web.Features.Delivery;

/// <summary>Reads and corrects the delivery ledger for the console.</summary>
public sealed class DeliveryLedger(IDbContextFactory<AstropalDbContext> dbFactory, TimeProvider time)
{
    /// <summary>Today as the console means it: the UTC date (readers' local dates around it differ by at most a day).</summary>
    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public async Task<IReadOnlyList<DeliveryKindCounts>> CountsAsync(DateOnly localDate, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var groups = await db.Deliveries.AsNoTracking()
            .Where(d => d.LocalDate == localDate)
            .GroupBy(d => new { d.Kind, d.Status })
            .Select(g => new { g.Key.Kind, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return groups.GroupBy(g => g.Kind)
            .OrderBy(g => g.Key)
            .Select(g => new DeliveryKindCounts(g.Key, g.ToDictionary(x => x.Status, x => x.Count)))
            .ToList();
    }

    /// <summary>Rows of a date, problems first (failed, then in flight), at most <paramref name="take"/>.</summary>
    public async Task<IReadOnlyList<DeliveryRow>> RowsAsync(DateOnly localDate, DeliveryStatus? status, int take, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Deliveries.AsNoTracking().Where(d => d.LocalDate == localDate);
        if (status is { } s)
        {
            query = query.Where(d => d.Status == s);
        }

        var rows = await query
            .Join(db.Readers, d => d.ReaderId, r => r.Id, (d, r) => new DeliveryRow(d.Id, r.Email, d.Kind, d.Status, d.Attempts, d.TargetAt, d.SentAt, d.LatenessSeconds, d.LastError))
            .ToListAsync(cancellationToken);
        return rows
            .OrderBy(r => r.Status switch { DeliveryStatus.Failed => 0, DeliveryStatus.Sending => 1, DeliveryStatus.Pending => 2, _ => 3 })
            .ThenBy(r => r.TargetAt)
            .Take(take)
            .ToList();
    }

    /// <summary>
    /// Puts a failed row back to pending for the next dispatcher run, targeted at now (so lateness does not skip
    /// it) with its attempts reset; it keeps its Message-ID. False when the row is not failed (any more).
    /// </summary>
    public async Task<bool> ResendAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var changed = await db.Deliveries
            .Where(d => d.Id == deliveryId && d.Status == DeliveryStatus.Failed)
            .ExecuteUpdateAsync(
                s => s.SetProperty(d => d.Status, DeliveryStatus.Pending)
                    .SetProperty(d => d.Attempts, 0)
                    .SetProperty(d => d.NextAttemptAt, (DateTimeOffset?)null)
                    .SetProperty(d => d.TargetAt, now)
                    .SetProperty(d => d.LastError, d => "resend requested by an operator; before: " + d.LastError)
                    .SetProperty(d => d.UpdatedAt, now),
                cancellationToken);
        return changed == 1;
    }
}
