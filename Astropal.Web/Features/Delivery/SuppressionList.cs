using Astropal.Core.Delivery;
using Astropal.Core.Readers;
using Astropal.Data;
using Astropal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace Astropal.Web.Features.Delivery;

/// <summary>The addresses never sent to again (stored as hashes): which of a batch are on it, and adding one after an unknown-mailbox refusal.</summary>
public sealed class SuppressionList(IDbContextFactory<AstropalDbContext> dbFactory, TimeProvider time)
{
    /// <summary>Which of <paramref name="hashes"/> (<see cref="AddressHash.Of"/>) are suppressed, in one query on the caller's context.</summary>
    public static async Task<HashSet<string>> WhichAreSuppressedAsync(AstropalDbContext db, IReadOnlyCollection<string> hashes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(hashes);
        if (hashes.Count == 0)
        {
            return [];
        }

        var found = await db.SuppressedAddresses.AsNoTracking()
            .Where(s => hashes.Contains(s.AddressHash))
            .Select(s => s.AddressHash)
            .ToListAsync(cancellationToken);
        return found.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Suppresses the reader's address (the receiving server says the mailbox does not exist) and marks an active reader bounced.</summary>
    public async Task SuppressAsync(Reader reader, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(reason);
        var now = time.GetUtcNow();
        var hash = AddressHash.Of(reader.Email!);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.SuppressedAddresses.AnyAsync(s => s.AddressHash == hash, cancellationToken))
        {
            db.SuppressedAddresses.Add(new SuppressedAddress
            {
                AddressHash = hash,
                Reason = "mailbox-does-not-exist: " + (reason.Length > 400 ? reason[..400] : reason),
                At = now,
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
            {
                // Suppressed by another instance at the same moment.
            }
        }

        await db.Readers.Where(r => r.Id == reader.Id && r.Status == ReaderStatus.Active)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReaderStatus.Bounced).SetProperty(r => r.UpdatedAt, now), cancellationToken);
    }
}
