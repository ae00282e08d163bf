using Astropal.Data;
using Astropal.Web.Infrastructure.Hosting;
using Microsoft.Data.Sqlite;

namespace Astropal.Web.Infrastructure.Database;

/// <summary>
/// Where the app's data lives: the provider (<c>Database:Provider</c>), the data folder (<c>Storage:DataDirectory</c>)
/// and <c>ConnectionStrings:Astropal</c>. Read once per host in the composition root, because EF Core and Quartz are
/// both registered from it before the container exists; an unreadable provider, or SQL Server without a connection
/// string, is reported at startup by the <see cref="DatabaseOptions"/> validation.
/// </summary>
public sealed record DatabaseTarget(DatabaseProvider Provider, string DataDirectory, string? ConfiguredConnectionString)
{
    /// <summary>Stands in for a missing SQL Server connection string so the host builds and startup validation names the setting.</summary>
    private const string NotConfigured = "Server=(not-configured)";

    /// <summary>The target of <paramref name="builder"/>'s configuration, resolved on the first call and kept on the builder.</summary>
    public static DatabaseTarget For(IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Properties.TryGetValue(typeof(DatabaseTarget), out var resolved))
        {
            return (DatabaseTarget)resolved;
        }

        var target = new DatabaseTarget(
            Enum.TryParse<DatabaseProvider>(builder.Configuration["Database:Provider"], ignoreCase: true, out var provider) ? provider : DatabaseProvider.Sqlite,
            StorageSetup.ResolveDataDirectory(builder.Environment.ContentRootPath, builder.Configuration["Storage:DataDirectory"]),
            builder.Configuration.GetConnectionString(DatabaseSetup.ConnectionStringName));
        builder.Properties[typeof(DatabaseTarget)] = target;
        return target;
    }

    public bool IsSqlServer => Provider == DatabaseProvider.SqlServer;

    /// <summary>False only for SQL Server without <c>ConnectionStrings:Astropal</c> (SQLite falls back to a file).</summary>
    public bool IsComplete => !IsSqlServer || !string.IsNullOrWhiteSpace(ConfiguredConnectionString);

    /// <summary>The app's database: <c>ConnectionStrings:Astropal</c> when set, otherwise (SQLite) <c>astropal.db</c> in the data folder.</summary>
    public string ConnectionString =>
        !string.IsNullOrWhiteSpace(ConfiguredConnectionString) ? ConfiguredConnectionString
        : IsSqlServer ? NotConfigured
        : SqliteFile(DatabaseSetup.SqliteFileName);

    /// <summary>A SQLite file of its own in the data folder (Quartz keeps <c>quartz.db</c> beside <c>astropal.db</c>).</summary>
    public string SqliteFile(string fileName) =>
        new SqliteConnectionStringBuilder { DataSource = Path.Combine(DataDirectory, fileName), Pooling = true, DefaultTimeout = 30 }.ToString();
}
