using Astropal.Data;
using Astropal.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Astropal.Tests.Data;

public sealed class MigrationTests
{
    private static SqliteAstropalDbContext Sqlite(string path) =>
        new(new DbContextOptionsBuilder<SqliteAstropalDbContext>()
            .UseSqlite($"Data Source={path}", DatabaseSetup.ConfigureSqlite).Options);

    // No server is contacted: the script is generated from the migrations alone.
    private static SqlServerAstropalDbContext SqlServer() =>
        new(new DbContextOptionsBuilder<SqlServerAstropalDbContext>()
            .UseSqlServer("Server=(no-server);Database=Astropal;Trusted_Connection=True", DatabaseSetup.ConfigureSqlServer).Options);

    private static List<string> ModelTables(DbContext db) =>
        db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task Sqlite_migrations_create_every_table_of_the_model_in_a_fresh_file()
    {
        using var dir = new TempDirectory("migrations");
        await using var db = Sqlite(dir.File("fresh.db"));

        var applied = await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);

        Assert.NotEmpty(applied);
        Assert.Empty(await DatabaseMigrator.PendingMigrationsAsync(db, CancellationToken.None));
        await using var connection = new SqliteConnection($"Data Source={dir.File("fresh.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
        var tables = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.All(ModelTables(db), table => Assert.Contains(table, tables));
    }

    [Fact]
    public async Task Sqlite_database_runs_in_wal_mode_after_migration()
    {
        using var dir = new TempDirectory("migrations");
        await using var db = Sqlite(dir.File("wal.db"));

        await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);

        var mode = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync();
        Assert.Equal("wal", Assert.Single(mode));
    }

    [Fact]
    public void Sql_server_idempotent_script_creates_every_table_of_the_model_behind_guards()
    {
        using var db = SqlServer();

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL", script, StringComparison.Ordinal);
        foreach (var migration in db.Database.GetMigrations())
        {
            Assert.Contains($"WHERE [MigrationId] = N'{migration}'", script, StringComparison.Ordinal);
        }

        Assert.All(ModelTables(db), table => Assert.Contains($"CREATE TABLE [{table}]", script, StringComparison.Ordinal));
    }

    [Fact]
    public void Both_providers_have_a_migration_for_every_model_change()
    {
        using var dir = new TempDirectory("migrations");
        using var sqlite = Sqlite(dir.File("pending.db"));
        using var sqlServer = SqlServer();

        Assert.False(sqlite.Database.HasPendingModelChanges(), "SQLite model changed without a migration: run dotnet ef migrations add for SqliteAstropalDbContext.");
        Assert.False(sqlServer.Database.HasPendingModelChanges(), "SQL Server model changed without a migration: run dotnet ef migrations add for SqlServerAstropalDbContext.");
    }

    [Fact]
    public void Both_providers_have_the_same_migrations_in_the_same_order()
    {
        using var dir = new TempDirectory("migrations");
        using var sqlite = Sqlite(dir.File("names.db"));
        using var sqlServer = SqlServer();

        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[15..]);

        Assert.Equal(Names(sqlite), Names(sqlServer));
    }

    // The rule of docs/migrations.md: delete this test with the first release.
    [Fact]
    public void Until_the_first_release_each_provider_has_one_InitialCreate_migration()
    {
        using var dir = new TempDirectory("migrations");
        using var sqlite = Sqlite(dir.File("initial.db"));
        using var sqlServer = SqlServer();

        Assert.Equal("InitialCreate", Assert.Single(sqlite.Database.GetMigrations())[15..]);
        Assert.Equal("InitialCreate", Assert.Single(sqlServer.Database.GetMigrations())[15..]);
    }
}
