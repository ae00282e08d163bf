using Microsoft.Data.Sqlite;

namespace Astropal.Web.Features.Backups;

/// <summary>What <c>PRAGMA integrity_check</c> and the table list say about one SQLite file.</summary>
public sealed record SqliteFileCheck(string Path, long Size, bool IntegrityOk, string IntegrityMessage, IReadOnlySet<string> Tables)
{
    /// <summary>Opens <paramref name="path"/> read-only and checks it; a file that is not a SQLite database fails the check.</summary>
    public static async Task<SqliteFileCheck> RunAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        var size = new FileInfo(path).Length;
        try
        {
            var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken);

            var problems = new List<string>();
            await using (var integrity = connection.CreateCommand())
            {
                integrity.CommandText = "PRAGMA integrity_check;";
                await using var reader = await integrity.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    problems.Add(reader.GetString(0));
                }
            }

            var tables = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            await using (var list = connection.CreateCommand())
            {
                list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table';";
                await using var reader = await list.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    tables.Add(reader.GetString(0));
                }
            }

            var ok = problems is ["ok"];
            return new SqliteFileCheck(path, size, ok, ok ? "ok" : string.Join("; ", problems.Take(5)), tables);
        }
        catch (SqliteException e)
        {
            return new SqliteFileCheck(path, size, false, $"not a readable SQLite database: {e.Message}", new HashSet<string>());
        }
    }

    /// <summary>The names of <paramref name="expected"/> that the file lacks.</summary>
    public IReadOnlyList<string> Missing(IEnumerable<string> expected) =>
        expected.Where(t => !Tables.Contains(t)).Order(StringComparer.Ordinal).ToList();

    /// <summary>The migration ids in the file's <c>__EFMigrationsHistory</c> (empty when the table is missing).</summary>
    public static async Task<IReadOnlyList<string>> MigrationsAsync(string path, CancellationToken cancellationToken)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId;";
        var ids = new List<string>();
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetString(0));
            }
        }
        catch (SqliteException)
        {
            return [];
        }

        return ids;
    }
}
