using Astropal.Core.Branding;
using Astropal.Core.Content;
using Astropal.Core.Delivery;
using Astropal.Core.Email;
using Astropal.Core.Readers;
using Astropal.Data;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Delivery;

/// <summary>What one dispatcher run did.</summary>
public sealed record DispatchSummary(int Created, int Claimed, int Sent, int Retrying, int Failed, int Skipped, int Suppressed);

/// <summary>
/// One run of the delivery engine: puts due emails in the ledger (idempotent through the unique
/// key), claims rows by conditional update (safe with several instances), sends them with bounded
/// parallelism and records the outcome. Rows left in <c>sending</c> past their lease are retried
/// with the same Message-ID.
/// </summary>
public sealed partial class DeliveryDispatcher(
    IDbContextFactory<AstropalDbContext> dbFactory,
    IReaderEmailComposer? composer,
    IEmailSender sender,
    ReaderLinks links,
    TrackingLinks tracking,
    IOptions<DeliveryOptions> options,
    IOptions<BrandOptions> brand,
    TimeProvider time,
    ILogger<DeliveryDispatcher> logger)
{
    /// <summary>How far back a run looks for due emails; older ones than <see cref="DeliveryOptions.MaxLateness"/> are recorded as skipped.</summary>
    public static readonly TimeSpan LookBack = TimeSpan.FromHours(24);

    private const int InsertBatch = 500;

    public async Task<DispatchSummary> RunAsync(CancellationToken cancellationToken)
    {
        if (composer is null)
        {
            throw new InvalidOperationException(
                "No IReaderEmailComposer is registered: the delivery dispatcher cannot compose reader emails. " +
                "Register the content feature (or set Scheduler:Enabled=false) before enabling delivery.");
        }

        var now = time.GetUtcNow();
        var created = await CreateDueRowsAsync(now, cancellationToken);
        var counts = new int[Enum.GetValues<DeliveryStatus>().Length];
        var retrying = 0;
        var claimedTotal = 0;
        var settings = options.Value;

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var claimed = await ClaimBatchAsync(now, settings, cancellationToken);
            if (claimed.Count == 0)
            {
                break;
            }

            claimedTotal += claimed.Count;
            await Parallel.ForEachAsync(
                claimed,
                new ParallelOptions { MaxDegreeOfParallelism = settings.Parallelism, CancellationToken = cancellationToken },
                async (claim, ct) =>
                {
                    var outcome = await ProcessAsync(claim, settings, ct);
                    if (outcome == DeliveryStatus.Pending)
                    {
                        Interlocked.Increment(ref retrying);
                    }
                    else
                    {
                        Interlocked.Increment(ref counts[(int)outcome]);
                    }
                });
        }

        var summary = new DispatchSummary(
            created, claimedTotal, counts[(int)DeliveryStatus.Sent], retrying, counts[(int)DeliveryStatus.Failed],
            counts[(int)DeliveryStatus.Skipped], counts[(int)DeliveryStatus.Suppressed]);
        if (created > 0 || claimedTotal > 0)
        {
            Log.RunFinished(logger, summary.Created, summary.Claimed, summary.Sent, summary.Retrying, summary.Failed, summary.Skipped, summary.Suppressed);
        }

        return summary;
    }

    /// <summary>Adds a pending row for every due email not yet in the ledger; returns how many this instance added.</summary>
    internal async Task<int> CreateDueRowsAsync(DateTimeOffset now, CancellationToken cancellationToken)
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
                    missing.Add(NewRow(reader.Id, due, now));
                }
            }
        }

        var added = 0;
        foreach (var chunk in missing.Chunk(InsertBatch))
        {
            added += await InsertAsync(chunk, cancellationToken);
        }

        return added;
    }

    private DeliveryRecord NewRow(Guid readerId, DueEmail due, DateTimeOffset now)
    {
        var id = Guid.CreateVersion7(now);
        return new DeliveryRecord
        {
            Id = id,
            ReaderId = readerId,
            Kind = due.Kind,
            LocalDate = due.LocalDate,
            TargetAt = due.TargetAt,
            Status = DeliveryStatus.Pending,
            MessageId = EmailMessage.StableMessageId(DeliveryRules.MessageIdKey(id), brand.Value.FromAddress),
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>Inserts a batch; when another instance inserted some of the same keys first, falls back to one row at a time and skips those.</summary>
    private async Task<int> InsertAsync(DeliveryRecord[] rows, CancellationToken cancellationToken)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            db.Deliveries.AddRange(rows);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return rows.Length;
            }
            catch (DbUpdateException ex) when (IsUniqueViolation(ex))
            {
                // Another dispatcher got there first for at least one row: insert the rest one by one.
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
            catch (DbUpdateException ex) when (IsUniqueViolation(ex))
            {
                // Already in the ledger: exactly what the unique key is for.
            }
        }

        return added;
    }

    internal static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19, // SQLITE_CONSTRAINT (UNIQUE / PRIMARY KEY)
        SqlException sql => sql.Number is 2601 or 2627,
        _ => false,
    };

    private sealed record Claim(Guid Id, DateTimeOffset LeaseUntil);

    /// <summary>Claims up to a batch of sendable rows; a row is this instance's only if its conditional update changed it.</summary>
    private async Task<List<Claim>> ClaimBatchAsync(DateTimeOffset runStart, DeliveryOptions settings, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var candidates = await db.Deliveries.AsNoTracking()
            .Where(d => (d.Status == DeliveryStatus.Pending && (d.NextAttemptAt == null || d.NextAttemptAt <= runStart))
                        || (d.Status == DeliveryStatus.Sending && d.LeaseUntil < runStart))
            .OrderBy(d => d.TargetAt)
            .Select(d => d.Id)
            .Take(settings.BatchSize)
            .ToListAsync(cancellationToken);

        var claims = new List<Claim>(candidates.Count);
        // One transaction for the batch's conditional updates: one commit (one fsync on SQLite) instead of one per row.
        // Each update still claims its row only if it is still claimable, so concurrent instances stay safe.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var id in candidates)
        {
            var now = time.GetUtcNow();
            var lease = now.AddSeconds(settings.LeaseSeconds);
            var changed = await db.Deliveries
                .Where(d => d.Id == id
                            && ((d.Status == DeliveryStatus.Pending && (d.NextAttemptAt == null || d.NextAttemptAt <= runStart))
                                || (d.Status == DeliveryStatus.Sending && d.LeaseUntil < runStart)))
                .ExecuteUpdateAsync(
                    s => s.SetProperty(d => d.Status, DeliveryStatus.Sending)
                        .SetProperty(d => d.LeaseUntil, lease)
                        .SetProperty(d => d.Attempts, d => d.Attempts + 1)
                        .SetProperty(d => d.UpdatedAt, now),
                    cancellationToken);
            if (changed == 1)
            {
                claims.Add(new Claim(id, lease));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return claims;
    }

    private async Task<DeliveryStatus> ProcessAsync(Claim claim, DeliveryOptions settings, CancellationToken cancellationToken)
    {
        DeliveryRecord? row;
        Reader? reader;
        bool suppressed;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            row = await db.Deliveries.AsNoTracking().FirstOrDefaultAsync(d => d.Id == claim.Id, cancellationToken);
            if (row is null)
            {
                return DeliveryStatus.Skipped;
            }

            reader = await db.Readers.AsNoTracking().FirstOrDefaultAsync(r => r.Id == row.ReaderId, cancellationToken);
            var hash = reader?.Email is { } email ? AddressHash.Of(email) : null;
            suppressed = hash is not null && await db.SuppressedAddresses.AnyAsync(s => s.AddressHash == hash, cancellationToken);
        }

        var now = time.GetUtcNow();
        if (reader is null || reader.Status != ReaderStatus.Active || reader.Email is null)
        {
            var why = reader is null ? "reader no longer exists" : $"reader is {reader.Status.ToString().ToLowerInvariant()}";
            return await FinishAsync(claim, DeliveryStatus.Skipped, why, null, null, cancellationToken);
        }

        if (suppressed)
        {
            return await FinishAsync(claim, DeliveryStatus.Suppressed, "address is on the suppression list", null, null, cancellationToken);
        }

        if (DeliveryRules.IsTooLate(row.TargetAt, now, settings.MaxLateness))
        {
            var late = now - row.TargetAt;
            return await FinishAsync(
                claim,
                DeliveryStatus.Skipped,
                $"too late: {late:d\\.hh\\:mm} after its target, more than Delivery:MaxLateness ({settings.MaxLateness:d\\.hh\\:mm})",
                null,
                null,
                cancellationToken);
        }

        EmailSendResult result;
        try
        {
            var emailLinks = links.For(reader.Id);
            var rendered = await composer!.ComposeAsync(reader, row.Kind, row.LocalDate, emailLinks, cancellationToken);
            if (settings.Tracking)
            {
                rendered = rendered with { Html = tracking.Rewrite(rendered.Html, row.Id) };
            }

            var message = EmailMessage.FromRendered(rendered, reader.Email, reader.Name, row.MessageId, emailLinks.UnsubscribeUrl);
            result = await sender.SendAsync(message, cancellationToken);
        }
        catch (ContentUnavailableException ex)
        {
            // Nothing to say that day (e.g. a midday digest without headlines): not a failure to retry.
            return await FinishAsync(claim, DeliveryStatus.Skipped, ex.Message, null, null, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.ComposeFailed(logger, ex, row.Id);
            result = EmailSendResult.Transient("compose: " + ex.Message);
        }

        now = time.GetUtcNow();
        switch (result.Status)
        {
            case EmailSendStatus.Sent:
                return await FinishAsync(claim, DeliveryStatus.Sent, null, (now - row.TargetAt).TotalSeconds, null, cancellationToken);
            case EmailSendStatus.MailboxDoesNotExist:
                await SuppressAsync(reader, result.Error ?? "mailbox does not exist", cancellationToken);
                return await FinishAsync(claim, DeliveryStatus.Suppressed, result.Error, null, null, cancellationToken);
            case EmailSendStatus.PermanentFailure:
                return await FinishAsync(claim, DeliveryStatus.Failed, result.Error, null, null, cancellationToken);
            default:
                var attempts = row.Attempts; // read after the claim, so it counts this attempt
                if (attempts >= settings.MaxAttempts)
                {
                    return await FinishAsync(claim, DeliveryStatus.Failed, $"gave up after {attempts} attempts: {result.Error}", null, null, cancellationToken);
                }

                var next = now + DeliveryRules.Backoff(attempts, TimeSpan.FromSeconds(settings.RetryBaseSeconds));
                return await FinishAsync(claim, DeliveryStatus.Pending, result.Error, null, next, cancellationToken);
        }
    }

    /// <summary>Records the outcome, only if the row is still ours (still sending under our lease).</summary>
    private async Task<DeliveryStatus> FinishAsync(
        Claim claim, DeliveryStatus status, string? error, double? latenessSeconds, DateTimeOffset? nextAttemptAt, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var trimmed = error is { Length: > 1000 } ? error[..1000] : error;
        DateTimeOffset? sentAt = status == DeliveryStatus.Sent ? now : null;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var changed = await db.Deliveries
            .Where(d => d.Id == claim.Id && d.Status == DeliveryStatus.Sending && d.LeaseUntil == claim.LeaseUntil)
            .ExecuteUpdateAsync(
                s => s.SetProperty(d => d.Status, status)
                    .SetProperty(d => d.LastError, trimmed)
                    .SetProperty(d => d.SentAt, sentAt)
                    .SetProperty(d => d.LatenessSeconds, latenessSeconds)
                    .SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null)
                    .SetProperty(d => d.NextAttemptAt, nextAttemptAt)
                    .SetProperty(d => d.UpdatedAt, now),
                cancellationToken);
        if (changed == 0)
        {
            Log.LeaseLost(logger, claim.Id);
        }

        return status;
    }

    private async Task SuppressAsync(Reader reader, string reason, CancellationToken cancellationToken)
    {
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
            catch (DbUpdateException ex) when (IsUniqueViolation(ex))
            {
                // Suppressed by another instance at the same moment.
            }
        }

        await db.Readers.Where(r => r.Id == reader.Id && r.Status == ReaderStatus.Active)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReaderStatus.Bounced).SetProperty(r => r.UpdatedAt, now), cancellationToken);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Delivery run: created {Created}, claimed {Claimed}, sent {Sent}, retrying {Retrying}, failed {Failed}, skipped {Skipped}, suppressed {Suppressed}")]
        public static partial void RunFinished(ILogger logger, int created, int claimed, int sent, int retrying, int failed, int skipped, int suppressed);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Reader time zone '{Zone}' is unknown on this host; their emails are not scheduled")]
        public static partial void UnknownZone(ILogger logger, string zone);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Composing or sending delivery {DeliveryId} threw; retried as a transient failure")]
        public static partial void ComposeFailed(ILogger logger, Exception exception, Guid deliveryId);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} was no longer ours when its outcome was recorded (lease expired)")]
        public static partial void LeaseLost(ILogger logger, Guid deliveryId);
    }
}
