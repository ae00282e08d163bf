using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Astropal.Data;

/// <summary>Applies and inspects migrations for whichever provider the context uses.</summary>
public static class DatabaseMigrator
{
    public static async Task<IReadOnlyList<string>> MigrateAsync(AstropalDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            PrepareSqliteFile(db.Database.GetConnectionString());
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);

        if (db.Database.IsSqlite())
        {
            // WAL lets the console read while the dispatcher writes; the mode is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        return pending;
    }

    public static async Task<IReadOnlyList<string>> PendingMigrationsAsync(AstropalDbContext db, CancellationToken cancellationToken) =>
        (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();

    private static void PrepareSqliteFile(string? connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:")
        {
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }
}
