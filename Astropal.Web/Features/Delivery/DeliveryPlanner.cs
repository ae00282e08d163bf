using Astropal.Core.Branding;
using Astropal.Core.Delivery;
using Astropal.Core.Email;
using Astropal.Core.Readers;
using Astropal.Data;
using Astropal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Delivery;

/// <summary>
/// Plans the ledger: adds a pending row for every email due in the look-back window that is not in it yet. Idempotent
/// through the unique key (reader, kind, local date), so several instances may plan at once.
/// </summary>
public sealed partial class DeliveryPlanner(
    IDbContextFactory<AstropalDbContext> dbFactory,
    LedgerRows ledgerRows,
    ILogger<DeliveryPlanner> logger)
{
    /// <summary>How far back a run looks for due emails; older ones than <see cref="DeliveryOptions.MaxLateness"/> are recorded as skipped.</summary>
    public static readonly TimeSpan LookBack = TimeSpan.FromHours(24);

    /// <summary>Adds a pending row for every due email not yet in the ledger; returns how many this instance added.</summary>
    public async Task<int> CreateDueRowsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var readers = await db.Readers.AsNoTracking()
            .Where(r => r.Status == ReaderStatus.Active && r.Email != null)
            .Select(r => new { r.Id, r.TimeZone, r.DeliveryTime, r.Tier, r.ConfirmedAt })
            .ToListAsync(cancellationToken);
        if (readers.Count == 0)
        {
            return 0;
        }

        var minDate = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-3);
        var existing = (await db.Deliveries.AsNoTracking()
                .Where(d => d.LocalDate >= minDate)
                .Select(d => new { d.ReaderId, d.Kind, d.LocalDate })
                .ToListAsync(cancellationToken))
            .Select(k => (k.ReaderId, k.Kind, k.LocalDate))
            .ToHashSet();

        var zones = new Dictionary<string, TimeZoneInfo?>(StringComparer.Ordinal);
        var missing = new List<DeliveryRecord>();
        foreach (var reader in readers)
        {
            if (!zones.TryGetValue(reader.TimeZone, out var zone))
            {
                zone = TimeZoneInfo.TryFindSystemTimeZoneById(reader.TimeZone, out var found) ? found : null;
                zones[reader.TimeZone] = zone;
                if (zone is null)
                {
                    Log.UnknownZone(logger, reader.TimeZone);
                }
            }

            if (zone is null)
            {
                continue;
            }

            foreach (var due in DeliverySchedule.Due(reader.Tier, reader.DeliveryTime, zone, now, LookBack, reader.ConfirmedAt))
            {
                if (!existing.Contains((reader.Id, due.Kind, due.LocalDate)))
                {
                    missing.Add(ledgerRows.NewPending(reader.Id, due.Kind, due.LocalDate, due.TargetAt, now));
                }
            }
        }

        return await ledgerRows.InsertOnceAsync(missing, cancellationToken);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Reader time zone '{Zone}' is unknown on this host; their emails are not scheduled")]
        public static partial void UnknownZone(ILogger logger, string zone);
    }
}
