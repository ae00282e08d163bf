using System.Runtime.CompilerServices;
using System.Threading.Channels;
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
    ILogger<DeliveryDispatcher> logger) : IDisposable
{
    /// <summary>How far back a run looks for due emails; older ones than <see cref="DeliveryOptions.MaxLateness"/> are recorded as skipped.</summary>
    public static readonly TimeSpan LookBack = TimeSpan.FromHours(24);

    private const int InsertBatch = 500;

    /// <summary>
    /// This instance's ledger writes one at a time: SQLite has one writer, and a second one in the same process would
    /// only wait for it in Microsoft.Data.Sqlite's busy loop, which sleeps a thread-pool thread per retry.
    /// </summary>
    private readonly SemaphoreSlim writeGate = new(1, 1);

    /// <summary>Most outcomes written in one transaction.</summary>
    private const int MaxOutcomesPerTransaction = 256;

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
        var tally = new int[Enum.GetValues<DeliveryStatus>().Length];
        var settings = options.Value;

        // Claimed batches stream through the senders (a worker claims the next batch while the others are still
        // sending); the outcomes go to one recorder that writes them in few transactions, so the senders never
        // wait on each other for the database.
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var outcomes = Channel.CreateBounded<Outcome>(new BoundedChannelOptions(Math.Max(64, settings.BatchSize)) { SingleReader = true });
        var recorder = RecordOutcomesAsync(outcomes.Reader, abort);
        var claimed = new StrongBox<int>();
        var outage = new TransportOutage();
        try
        {
            await Parallel.ForEachAsync(
                ClaimAllAsync(now, settings, claimed, outage, abort.Token),
                new ParallelOptions { MaxDegreeOfParallelism = settings.Parallelism, CancellationToken = abort.Token },
                async (email, ct) =>
                {
                    var outcome = await ProcessAsync(email, settings, outage, ct);
                    // An outcome is recorded even when the run is being cancelled: an email that went out is then not sent again.
                    if (!outcomes.Writer.TryWrite(outcome))
                    {
                        await outcomes.Writer.WriteAsync(outcome, abort.Token);
                    }

                    Interlocked.Increment(ref tally[(int)outcome.Status]);
                });
        }
        finally
        {
            outcomes.Writer.TryComplete();
            await recorder;
        }

        if (outage.Reason is { } reason)
        {
            Log.TransportUnavailable(logger, reason, tally[(int)DeliveryStatus.Pending]);
        }

        var summary = new DispatchSummary(
            created, claimed.Value, tally[(int)DeliveryStatus.Sent], tally[(int)DeliveryStatus.Pending], tally[(int)DeliveryStatus.Failed],
            tally[(int)DeliveryStatus.Skipped], tally[(int)DeliveryStatus.Suppressed]);
        if (created > 0 || summary.Claimed > 0)
        {
            Log.RunFinished(logger, summary.Created, summary.Claimed, summary.Sent, summary.Retrying, summary.Failed, summary.Skipped, summary.Suppressed);
        }

        return summary;
    }

    public void Dispose() => writeGate.Dispose();

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

    /// <summary>A claimed ledger row with what sending it needs, loaded together for the whole batch.</summary>
    private sealed record ClaimedEmail(DeliveryRecord Row, Reader? Reader, bool Suppressed, DateTimeOffset LeaseUntil);

    /// <summary>What became of one claimed row; recorded only if the row is still ours (sending under this lease).</summary>
    private readonly record struct Outcome(
        Guid Id, DateTimeOffset LeaseUntil, DeliveryStatus Status, string? Error, DateTimeOffset At, double? LatenessSeconds, DateTimeOffset? NextAttemptAt)
    {
        /// <summary>Not attempted (too little of the lease left to send safely): back to pending, the claim not counted as an attempt.</summary>
        public bool Released { get; init; }
    }

    /// <summary>Claims batch after batch until nothing is claimable, yielding each claimed email; only one batch is in memory.</summary>
    private async IAsyncEnumerable<ClaimedEmail> ClaimAllAsync(
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
    /// Claims up to a batch of sendable rows (a row is this instance's only if its conditional update changed it), then
    /// loads those rows, their readers and which of their addresses are suppressed in one round of queries.
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
            await writeGate.WaitAsync(cancellationToken);
            try
            {
                ours = await db.Database.CreateExecutionStrategy().ExecuteAsync(
                    (Candidates: candidates, Now: now, Lease: lease),
                    async (_, state, ct) => await ClaimAsync(db, state.Candidates, runStart, state.Now, state.Lease, ct),
                    null,
                    cancellationToken);
            }
            finally
            {
                writeGate.Release();
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
        var hashes = hashed.Select(x => x.Hash).OfType<string>().Distinct().ToList();
        var suppressed = hashes.Count == 0
            ? []
            : (await db.SuppressedAddresses.AsNoTracking().Where(s => hashes.Contains(s.AddressHash)).Select(s => s.AddressHash).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);

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

    private static void Claiming(Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<DeliveryRecord> s, DateTimeOffset lease, DateTimeOffset now) =>
        s.SetProperty(d => d.Status, DeliveryStatus.Sending)
            .SetProperty(d => d.LeaseUntil, lease)
            .SetProperty(d => d.Attempts, d => d.Attempts + 1)
            .SetProperty(d => d.UpdatedAt, now);

    private async Task<Outcome> ProcessAsync(ClaimedEmail claim, DeliveryOptions settings, TransportOutage outage, CancellationToken cancellationToken)
    {
        var (row, reader, suppressed, lease) = claim;
        var now = time.GetUtcNow();
        if (reader is null || reader.Status != ReaderStatus.Active || reader.Email is null)
        {
            var why = reader is null ? "reader no longer exists" : $"reader is {reader.Status.ToString().ToLowerInvariant()}";
            return Finish(DeliveryStatus.Skipped, why);
        }

        if (suppressed)
        {
            return Finish(DeliveryStatus.Suppressed, "address is on the suppression list");
        }

        if (DeliveryRules.IsTooLate(row.TargetAt, now, settings.MaxLateness))
        {
            var late = now - row.TargetAt;
            return Finish(
                DeliveryStatus.Skipped,
                $"too late: {late:d\\.hh\\:mm} after its target, more than Delivery:MaxLateness ({settings.MaxLateness:d\\.hh\\:mm})");
        }

        if (lease - now < TimeSpan.FromSeconds(settings.LeaseSeconds / 2.0))
        {
            // Waited in the batch for more than half its lease (a slow relay or Email:MaxPerSecond): sending now could
            // outlast the lease and let another instance send it too. Hand it back untouched instead.
            return new Outcome(row.Id, lease, DeliveryStatus.Pending, row.LastError, now, null, null) { Released = true };
        }

        if (outage.Reason is { } down)
        {
            // The transport failed a moment ago in this run: hand the rest back rather than try each one.
            return Retry(down);
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
            return Finish(DeliveryStatus.Skipped, ex.Message);
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
                return Finish(DeliveryStatus.Sent, null, (now - row.TargetAt).TotalSeconds);
            case EmailSendStatus.MailboxDoesNotExist:
                await SuppressAsync(reader, result.Error ?? "mailbox does not exist", cancellationToken);
                return Finish(DeliveryStatus.Suppressed, result.Error);
            case EmailSendStatus.PermanentFailure:
                return Finish(DeliveryStatus.Failed, result.Error);
            case EmailSendStatus.TransportUnavailable:
                outage.Trip(result.Error ?? "email transport unavailable");
                return Retry(result.Error ?? "email transport unavailable");
            default:
                var attempts = row.Attempts; // read after the claim, so it counts this attempt
                if (attempts >= settings.MaxAttempts)
                {
                    return Finish(DeliveryStatus.Failed, $"gave up after {attempts} attempts: {result.Error}");
                }

                var next = now + DeliveryRules.Backoff(attempts, TimeSpan.FromSeconds(settings.RetryBaseSeconds));
                return Finish(DeliveryStatus.Pending, result.Error, nextAttemptAt: next);
        }

        // Not this email's fault: back to pending without using up an attempt, looked at again after the base delay
        // (every run while the outage lasts, until the email is later than Delivery:MaxLateness and is skipped).
        Outcome Retry(string why) =>
            new(row.Id, lease, DeliveryStatus.Pending, Trim(why), now, null, now.AddSeconds(settings.RetryBaseSeconds)) { Released = true };

        Outcome Finish(DeliveryStatus status, string? error, double? latenessSeconds = null, DateTimeOffset? nextAttemptAt = null) =>
            new(row.Id, lease, status, Trim(error), now, latenessSeconds, nextAttemptAt);

        static string? Trim(string? error) => error is { Length: > 1000 } ? error[..1000] : error;
    }

    /// <summary>Set by the first send of a run that finds the transport unavailable; read by every other send of the run.</summary>
    private sealed class TransportOutage
    {
        private string? reason;

        public string? Reason => Volatile.Read(ref reason);

        public void Trip(string why) => Interlocked.CompareExchange(ref reason, why, null);
    }

    /// <summary>
    /// Writes outcomes as they come, as many as are waiting in one transaction (one while the run is slow, hundreds when
    /// it is fast). Each update applies only while the row is still ours. When writing fails the run is stopped; the rows
    /// whose outcome was not written stay in <c>sending</c> and are retried after the lease with the same Message-ID.
    /// </summary>
    private async Task RecordOutcomesAsync(ChannelReader<Outcome> outcomes, CancellationTokenSource abort)
    {
        // Not cancelled with the run: the outcome of an email that went out is written even while the host stops.
        var pending = new List<Outcome>(MaxOutcomesPerTransaction);
        try
        {
            while (await outcomes.WaitToReadAsync(CancellationToken.None))
            {
                while (pending.Count < MaxOutcomesPerTransaction && outcomes.TryRead(out var outcome))
                {
                    pending.Add(outcome);
                }

                await WriteOutcomesAsync(pending);
                pending.Clear();
            }
        }
        catch
        {
            await abort.CancelAsync();
            throw;
        }
    }

    private async Task WriteOutcomesAsync(List<Outcome> outcomes)
    {
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        await writeGate.WaitAsync(CancellationToken.None);
        List<Guid> lost;
        try
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
        finally
        {
            writeGate.Release();
        }

        foreach (var id in lost)
        {
            Log.LeaseLost(logger, id);
        }
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

        [LoggerMessage(Level = LogLevel.Warning, Message = "Email transport unavailable ({Reason}): {Pending} emails of this run stay pending, without using up an attempt, and are retried next run")]
        public static partial void TransportUnavailable(ILogger logger, string reason, int pending);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} was no longer ours when its outcome was recorded (lease expired)")]
        public static partial void LeaseLost(ILogger logger, Guid deliveryId);
    }
}
