using System.Globalization;
using Astropal.Core.Delivery;
using Astropal.Data;
using Astropal.Web.Features.Audit;
using Astropal.Web.Features.Jobs;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Astropal.Web.Features.Backups;

/// <summary>
/// Restores the SQLite database from a backed-up file: refuses while an app runs on the database (its lock file,
/// <see cref="DatabaseInstanceLock"/>), verifies the file (integrity, an Astropal schema this release knows), keeps the
/// current database as <c>astropal.pre-restore-&lt;UTC time&gt;.db</c> beside it, copies the backup in through SQLite's
/// backup API, applies migrations and pauses every job: the restored delivery ledger does not know what was sent
/// after the backup, so nothing is sent until an operator has checked and runs <c>jobs resume --all</c>.
/// </summary>
public sealed class DatabaseRestore(
    IDbContextFactory<AstropalDbContext> dbFactory,
    JobPauses pauses,
    AuditLog audit,
    TimeProvider clock)
{
    public const string PreRestoreMarker = ".pre-restore-";

    public async Task<RestoreOutcome> RestoreAsync(string file, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        string target;
        IReadOnlyList<string> expectedTables;
        IReadOnlyList<string> knownMigrations;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (!db.Database.IsSqlite())
            {
                return RestoreOutcome.Refused(
                    "restore works on the SQLite database only. On SQL Server: stop every instance, run jobs pause --all, restore with "
                    + "RESTORE DATABASE … FROM DISK = '<Backups:SqlServerDirectory>/astropal-backup-….bak' WITH REPLACE (or the managed "
                    + "service's point-in-time restore), run migrate, and check before jobs resume --all; see docs/backups.md.");
            }

            target = DatabaseInstanceLock.SqliteFileOf(db) ?? throw new InvalidOperationException("The SQLite database is in memory; there is nothing to restore into.");
            expectedTables = DatabaseBackup.ExpectedTables(db);
            knownMigrations = db.Database.GetMigrations().ToList();
        }

        var source = Path.GetFullPath(file);
        if (!File.Exists(source))
        {
            return RestoreOutcome.Refused($"The file {source} does not exist (give the astropal.db of a backup folder).");
        }

        if (string.Equals(source, target, StringComparison.Ordinal))
        {
            return RestoreOutcome.Refused($"{source} is the live database itself; give a backup file.");
        }

        // The file is checked first (read-only), then the lock is taken and held until the database is replaced and paused.
        var verified = await VerifyAsync(source, expectedTables, knownMigrations, cancellationToken);
        if (verified is not null)
        {
            return RestoreOutcome.Refused(verified);
        }

        using var instanceLock = DatabaseInstanceLock.TryTakeExclusive(target);
        if (instanceLock is null)
        {
            return RestoreOutcome.Refused(
                $"The app is running on {target} (an instance holds {DatabaseInstanceLock.PathFor(target)}). "
                + "Stop every instance (e.g. systemctl stop astropal) and run restore again; nothing was changed.");
        }

        var lines = new List<string> { $"Verified {source}: integrity_check ok, Astropal tables present." };
        SqliteConnection.ClearAllPools();
        var now = clock.GetUtcNow();
        string? kept = null;
        if (File.Exists(target))
        {
            kept = PreRestorePath(target, now);
            await DatabaseBackup.CopyAsync(target, kept, cancellationToken);
            lines.Add($"Kept the current database as {kept} ({new FileInfo(kept).Length} bytes).");
        }
        else
        {
            lines.Add($"There was no database at {target}; nothing to keep.");
        }

        await using (var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        await using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString()))
        {
            await from.OpenAsync(cancellationToken);
            await to.OpenAsync(cancellationToken);
            from.BackupDatabase(to);
        }

        SqliteConnection.ClearAllPools();
        lines.Add($"Restored {target} from {source}.");

        int readers;
        DateTimeOffset? lastSent;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var applied = await DatabaseMigrator.MigrateAsync(db, cancellationToken);
            lines.Add(applied.Count == 0 ? "Migrations: the restored database is up to date." : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}.");
            readers = await db.Readers.CountAsync(cancellationToken);
            lastSent = (await db.Deliveries.Where(r => r.Status == DeliveryStatus.Sent && r.SentAt != null)
                    .Select(r => r.SentAt).ToListAsync(cancellationToken))
                .Max();
        }

        var folder = Path.GetFileName(Path.GetDirectoryName(source)) ?? "";
        var restoredFrom = folder.StartsWith(BackupRetention.Prefix, StringComparison.Ordinal) ? folder : Path.GetFileName(source);
        var reason = $"Database restored from {restoredFrom} at {JobPauses.Format(now)}: "
                     + "check /ops/deliveries and the relay's log, then jobs resume --all.";
        var paused = await pauses.PauseAsync(null, AuditLog.Cap(reason, JobPauses.ReasonLength), actor, cancellationToken);
        lines.Add(paused.Succeeded ? $"All jobs paused. {paused.Message}" : $"Pausing the jobs FAILED: {paused.Message} Run jobs pause --all before starting the app.");

        var sent = lastSent is { } at ? JobPauses.Format(at) : "none";
        lines.Add($"The restored database has {readers} reader(s); its last sent email is from {sent}. Emails sent after that are not in its ledger.");
        await audit.RecordAsync(
            actor,
            "database.restored",
            source,
            $"previous database kept as {kept ?? "(none)"}; readers {readers.ToString(CultureInfo.InvariantCulture)}; last sent {sent}; all jobs paused",
            cancellationToken);
        lines.Add("Next: start the app, check /ops/deliveries and the relay's log for emails sent after the backup, then run jobs resume --all (docs/runbooks/database-restore.md).");
        return new RestoreOutcome(paused.Succeeded, lines, paused.Succeeded ? null : paused.Message);
    }

    /// <summary><c>astropal.pre-restore-20261205T120000Z.db</c> beside <paramref name="target"/>.</summary>
    public static string PreRestorePath(string target, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(target);
        var folder = Path.GetDirectoryName(target) ?? ".";
        var name = Path.GetFileNameWithoutExtension(target) + PreRestoreMarker + at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var path = Path.Combine(folder, name + Path.GetExtension(target));
        for (var n = 2; File.Exists(path); n++)
        {
            path = Path.Combine(folder, $"{name}-{n}{Path.GetExtension(target)}");
        }

        return path;
    }

    /// <summary>Null when <paramref name="source"/> is a sound Astropal database this release can migrate; otherwise why not.</summary>
    private static async Task<string?> VerifyAsync(string source, IReadOnlyList<string> expectedTables, IReadOnlyList<string> knownMigrations, CancellationToken cancellationToken)
    {
        var check = await SqliteFileCheck.RunAsync(source, cancellationToken);
        if (!check.IntegrityOk)
        {
            return $"{source} failed its check ({check.IntegrityMessage}); nothing was changed. Try an older backup.";
        }

        var migrations = await SqliteFileCheck.MigrationsAsync(source, cancellationToken);
        if (migrations.Count == 0)
        {
            return $"{source} is not an Astropal database (it has no migrations history); nothing was changed.";
        }

        var unknown = migrations.Except(knownMigrations, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            return $"{source} was made by a newer release (migration(s) {string.Join(", ", unknown)} are unknown to this one); restore it with that release. Nothing was changed.";
        }

        // A backup from this release must have every table; an older one gains the missing ones from the migrations.
        var missing = check.Missing(expectedTables);
        return migrations.Count == knownMigrations.Count && missing.Count > 0
            ? $"{source} lacks table(s) {string.Join(", ", missing)}; nothing was changed."
            : null;
    }
}
