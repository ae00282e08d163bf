using Astropal.Data;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Backups;

/// <summary>
/// The nightly backup: a backup into <c>&lt;DataDirectory&gt;/backups</c>, then the retention rule
/// (<see cref="BackupRetention"/>, <c>Backups:KeepDaily</c> and <c>Backups:KeepWeekly</c>) applied to that folder.
/// Nothing is pruned when the backup failed, so a run of failures never eats the last good copies.
/// </summary>
public sealed partial class NightlyBackup(DatabaseBackup backup, IOptions<BackupOptions> options, IOptions<DatabaseOptions> database, ILogger<NightlyBackup> logger)
{
    /// <summary>Backs up and prunes; returns the folders deleted. Throws when the backup failed (the job run is recorded as failed).</summary>
    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken cancellationToken)
    {
        if (database.Value.Provider == DatabaseProvider.SqlServer && string.IsNullOrWhiteSpace(options.Value.SqlServerDirectory))
        {
            // A managed SQL Server backs itself up; without a folder on the server there is nothing for the app to do.
            Log.SqlServerManaged(logger);
            return [];
        }

        var outcome = await backup.CreateAsync(null, cancellationToken);
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException($"The nightly backup failed: {outcome.Error}");
        }

        var folder = backup.DefaultFolder;
        if (!Directory.Exists(folder))
        {
            // SQL Server: the .bak files are on the database server; their retention is the DBA's.
            return [];
        }

        var names = Directory.GetDirectories(folder).Select(Path.GetFileName).OfType<string>();
        var doomed = BackupRetention.ToDelete(names, options.Value.KeepDaily, options.Value.KeepWeekly);
        foreach (var name in doomed)
        {
            Directory.Delete(Path.Combine(folder, name), recursive: true);
        }

        if (doomed.Count > 0)
        {
            Log.Pruned(logger, doomed.Count, folder);
        }

        return doomed;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Nightly backup skipped: SQL Server without Backups:SqlServerDirectory (the database service's backups apply)")]
        public static partial void SqlServerManaged(ILogger logger);

        [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} old backup folder(s) in {Folder} (Backups:KeepDaily, Backups:KeepWeekly)")]
        public static partial void Pruned(ILogger logger, int count, string folder);
    }
}
