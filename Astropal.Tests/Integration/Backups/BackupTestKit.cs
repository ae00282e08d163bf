using Astropal.Core.Readers;
using Astropal.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Astropal.Tests.Integration.Backups;

/// <summary>Readers written into the app's database and counts read straight from SQLite files, for the backup and restore tests.</summary>
internal static class BackupTestKit
{
    public static async Task AddReaderAsync(IDbContextFactory<AstropalDbContext> dbFactory, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var id = Guid.NewGuid();
        db.Readers.Add(new Reader
        {
            Id = id,
            Email = $"reader-{id:N}@example.com",
            Name = "Ada",
            TimeZone = "Europe/London",
            Locale = "en-US",
            ReferralCode = id.ToString("N")[..12],
            Status = ReaderStatus.Active,
            CreatedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
            ConfirmedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public static async Task<long> CountAsync(string sqliteFile, string sql = "SELECT COUNT(*) FROM Readers")
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = sqliteFile, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<long> ReaderCountAsync(IDbContextFactory<AstropalDbContext> dbFactory)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Readers.LongCountAsync();
    }

    /// <summary>The single folder a backup wrote into <paramref name="parent"/>.</summary>
    public static string BackupFolder(string parent) => Assert.Single(Directory.GetDirectories(parent, "astropal-backup-*"));

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!await condition())
        {
            Assert.False(timeout.IsCancellationRequested, "Timed out waiting for " + what);
            await Task.Delay(20);
        }
    }
}
