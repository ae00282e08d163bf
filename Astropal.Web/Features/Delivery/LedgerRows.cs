using Astropal.Core.Branding;
using Astropal.Core.Delivery;
using Astropal.Core.Email;
using Astropal.Data;
using Astropal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Delivery;

/// <summary>
/// New rows of the delivery ledger, made one way for every feature that queues email (the planner, incident notices,
/// billing, the inactivity notice, an operator's resend): a time-ordered id and the Message-ID fixed from it, so every
/// retry of the row carries the same Message-ID.
/// </summary>
public sealed class LedgerRows(IDbContextFactory<AstropalDbContext> dbFactory, IOptions<BrandOptions> brand)
{
    /// <summary>A pending row due at <paramref name="targetAt"/> (claimed from <see cref="DeliveryRecord.NextAttemptAt"/> when that is later than now).</summary>
    public DeliveryRecord NewPending(
        Guid readerId, EmailTemplate kind, DateOnly localDate, DateTimeOffset targetAt, DateTimeOffset now, string reference = "")
    {
        var id = Guid.CreateVersion7(now);
        return new DeliveryRecord
        {
            Id = id,
            ReaderId = readerId,
            Kind = kind,
            LocalDate = localDate,
            Reference = reference,
            TargetAt = targetAt,
            // The dispatcher claims pending rows from NextAttemptAt on: a row for a later hour waits until then.
            NextAttemptAt = targetAt > now ? targetAt : null,
            Status = DeliveryStatus.Pending,
            MessageId = EmailMessage.StableMessageId(DeliveryRules.MessageIdKey(id), brand.Value.FromAddress),
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>
    /// Inserts rows in batches; when another instance or call inserted some of the same keys first (the ledger's unique
    /// reader, kind, local date and reference), falls back to one row at a time and skips those. Returns how many this
    /// call added.
    /// </summary>
    public async Task<int> InsertOnceAsync(IEnumerable<DeliveryRecord> rows, CancellationToken cancellationToken)
    {
        var added = 0;
        foreach (var chunk in rows.Chunk(500))
        {
            added += await InsertBatchAsync(chunk, cancellationToken);
        }

        return added;
    }

    private async Task<int> InsertBatchAsync(DeliveryRecord[] rows, CancellationToken cancellationToken)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            db.Deliveries.AddRange(rows);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return rows.Length;
            }
            catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
            {
                // Another instance got there first for at least one row: insert the rest one by one.
            }
        }

        var added = 0;
        foreach (var row in rows)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            db.Deliveries.Add(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                added++;
            }
            catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
            {
                // Already in the ledger: exactly what the unique key is for.
            }
        }

        return added;
    }
}
