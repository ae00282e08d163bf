using Astropal.Core.Storage;
using Astropal.Data;
using Astropal.Web.Infrastructure.Scheduling;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Backups;

/// <summary>
/// Takes a backup. SQLite: an online copy of <c>astropal.db</c> and <c>quartz.db</c> through SQLite's backup API (one
/// read transaction, so the copy is a consistent snapshot while the app keeps writing; WAL lets writers go on), as
/// plain rollback-journal SQLite files in a folder named after the UTC time, each checked with
/// <c>PRAGMA integrity_check</c> and for its tables. SQL Server: <c>BACKUP DATABASE … WITH COPY_ONLY</c> into
/// <c>Backups:SqlServerDirectory</c>, then <c>RESTORE VERIFYONLY</c>. A success is stamped for the health check and gauge.
/// </summary>
public sealed partial class DatabaseBackup(
    IDbContextFactory<AstropalDbContext> dbFactory,
    IOptions<StorageOptions> storage,
    IOptions<BackupOptions> options,
    BackupStamp stamp,
    TimeProvider clock,
    ILogger<DatabaseBackup> logger)
{
    public const string DatabaseFileName = DatabaseSetup.SqliteFileName;

    public const string QuartzFileName = SchedulerSetup.SqliteFileName;

    /// <summary>Tables every Quartz store has (the names Quartz's SQLite schema creates).</summary>
    public static readonly IReadOnlyList<string> QuartzTables = ["QRTZ_JOB_DETAILS", "QRTZ_TRIGGERS", "QRTZ_LOCKS", "QRTZ_SCHEDULER_STATE"];

    /// <summary>The folder of the nightly backups, <c>&lt;DataDirectory&gt;/backups</c>.</summary>
    public string DefaultFolder => stamp.DefaultFolder;

    /// <summary>Backs up into a new folder under <paramref name="parent"/> (the default folder when null).</summary>
    public async Task<BackupOutcome> CreateAsync(string? parent, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var outcome = db.Database.IsSqlite()
            ? await BackupSqliteAsync(db, parent ?? DefaultFolder, cancellationToken)
            : await BackupSqlServerAsync(db, cancellationToken);
        if (outcome.Succeeded)
        {
            await stamp.WriteAsync(clock.GetUtcNow(), outcome.Location, cancellationToken);
            var bytes = outcome.Files.Sum(f => f.Size);
            Log.BackedUp(logger, outcome.Location, bytes);
        }
        else
        {
            Log.Failed(logger, outcome.Location, outcome.Error);
        }

        return outcome;
    }

    /// <summary>The tables the current model expects in <c>astropal.db</c>, with EF's migrations history.</summary>
    public static IReadOnlyList<string> ExpectedTables(AstropalDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Model.GetEntityTypes()
            .Select(e => e.GetTableName())
            .OfType<string>()
            .Append("__EFMigrationsHistory")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private async Task<BackupOutcome> BackupSqliteAsync(AstropalDbContext db, string parent, CancellationToken cancellationToken)
    {
        var source = DatabaseInstanceLock.SqliteFileOf(db);
        if (source is null || !File.Exists(source))
        {
            return BackupOutcome.Failed(parent, $"There is no SQLite database file to back up ({source ?? "in-memory"}).");
        }

        string folder;
        try
        {
            Directory.CreateDirectory(parent);
            folder = NewFolder(parent);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return BackupOutcome.Failed(parent, $"Cannot create the backup folder in {parent}: {e.Message}");
        }

        var files = new List<BackupFile>();
        try
        {
            var copy = Path.Combine(folder, DatabaseFileName);
            await CopyAsync(source, copy, cancellationToken);
            files.Add(await CheckAsync(copy, ExpectedTables(db), cancellationToken));

            var quartz = Path.Combine(storage.Value.DataDirectory, QuartzFileName);
            if (File.Exists(quartz))
            {
                var quartzCopy = Path.Combine(folder, QuartzFileName);
                await CopyAsync(quartz, quartzCopy, cancellationToken);
                files.Add(await CheckAsync(quartzCopy, QuartzTables, cancellationToken));
            }
        }
        catch (SqliteException e)
        {
            return BackupOutcome.Failed(folder, $"SQLite refused the copy: {e.Message}", files);
        }
        catch (IOException e)
        {
            return BackupOutcome.Failed(folder, $"Writing the copy failed: {e.Message}", files);
        }

        var bad = files.FirstOrDefault(f => f.Check != "ok");
        return bad is null
            ? new BackupOutcome(true, folder, files, null)
            : BackupOutcome.Failed(folder, $"The copy {bad.Path} failed its check: {bad.Check}", files);
    }

    /// <summary>A new folder named after now; a second backup in the same second gets <c>-2</c>, <c>-3</c>…</summary>
    private string NewFolder(string parent)
    {
        var name = BackupRetention.FolderName(clock.GetUtcNow());
        var folder = Path.Combine(parent, name);
        for (var n = 2; Directory.Exists(folder); n++)
        {
            folder = Path.Combine(parent, $"{name}-{n}");
        }

        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>
    /// SQLite's online backup of <paramref name="from"/> into <paramref name="to"/>, left in journal mode DELETE (one self-contained
    /// file). The source is opened read-write only because a WAL database cannot always be opened read-only; nothing is written to it.
    /// </summary>
    internal static async Task CopyAsync(string from, string to, CancellationToken cancellationToken)
    {
        await using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = from, Mode = SqliteOpenMode.ReadWrite, Pooling = false, DefaultTimeout = 30 }.ToString());
        await using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = to, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
        await source.OpenAsync(cancellationToken);
        await target.OpenAsync(cancellationToken);

        // The backup API takes the source's read lock through SQLite's own busy handler (Microsoft.Data.Sqlite's retry
        // covers commands only): quartz.db is in rollback-journal mode, and a read waits while Quartz writes.
        foreach (var connection in new[] { source, target })
        {
            await using var busy = connection.CreateCommand();
            busy.CommandText = "PRAGMA busy_timeout = 30000;";
            await busy.ExecuteNonQueryAsync(cancellationToken);
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                source.BackupDatabase(target);
                break;
            }
            catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6 && attempt < 5)
            {
                // SQLITE_BUSY / SQLITE_LOCKED beyond the busy timeout: a long write; try again shortly.
                await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt), cancellationToken);
            }
        }
        await using var journal = target.CreateCommand();
        journal.CommandText = "PRAGMA journal_mode=DELETE;";
        await journal.ExecuteScalarAsync(cancellationToken);
    }

    private static async Task<BackupFile> CheckAsync(string path, IEnumerable<string> expectedTables, CancellationToken cancellationToken)
    {
        var check = await SqliteFileCheck.RunAsync(path, cancellationToken);
        if (!check.IntegrityOk)
        {
            return new BackupFile(path, check.Size, "integrity_check: " + check.IntegrityMessage);
        }

        var missing = check.Missing(expectedTables);
        return new BackupFile(path, check.Size, missing.Count == 0 ? "ok" : "missing tables: " + string.Join(", ", missing));
    }

    private async Task<BackupOutcome> BackupSqlServerAsync(AstropalDbContext db, CancellationToken cancellationToken)
    {
        var directory = options.Value.SqlServerDirectory;
        if (string.IsNullOrWhiteSpace(directory))
        {
            return BackupOutcome.Failed(
                "(SQL Server)",
                "Backups:SqlServerDirectory is not set: on SQL Server the app backs up only into a folder on the database server you name there. "
                + "On a managed service (Azure SQL) rely on its automated backups and point-in-time restore instead; see docs/backups.md.");
        }

        var file = SqlServerBackupSql.FilePath(directory, clock.GetUtcNow());
        try
        {
            var database = new SqlConnectionStringBuilder(db.Database.GetConnectionString()).InitialCatalog;
            if (string.IsNullOrWhiteSpace(database))
            {
                return BackupOutcome.Failed(file, "ConnectionStrings:Astropal names no database (Initial Catalog / Database); the backup needs it.");
            }

            db.Database.SetCommandTimeout(TimeSpan.FromHours(2));
            await db.Database.ExecuteSqlRawAsync(SqlServerBackupSql.Backup(database, file), cancellationToken);
            await db.Database.ExecuteSqlRawAsync(SqlServerBackupSql.Verify(file), cancellationToken);
            return new BackupOutcome(true, file, [new BackupFile(file, 0, "ok")], null);
        }
        catch (SqlException e)
        {
            return BackupOutcome.Failed(file, $"SQL Server refused the backup: {e.Message}");
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Backed up the database to {Location} ({Bytes} bytes)")]
        public static partial void BackedUp(ILogger logger, string location, long bytes);

        [LoggerMessage(Level = LogLevel.Error, Message = "The backup to {Location} failed: {Error}")]
        public static partial void Failed(ILogger logger, string location, string? error);
    }
}
