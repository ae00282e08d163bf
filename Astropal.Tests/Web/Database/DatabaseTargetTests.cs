using Astropal.Data;
using Astropal.Web.Infrastructure.Database;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Astropal.Tests.Web.Database;

public sealed class DatabaseTargetTests
{
    private static HostApplicationBuilder Builder(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = Path.GetTempPath(),
        });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        return builder;
    }

    private static string DataSource(string connectionString) => new SqliteConnectionStringBuilder(connectionString).DataSource;

    [Fact]
    public void Sqlite_by_default_keeps_astropal_db_and_quartz_db_in_the_data_folder()
    {
        var target = DatabaseTarget.For(Builder(("Storage:DataDirectory", "data")));

        var folder = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "data"));
        Assert.Equal(DatabaseProvider.Sqlite, target.Provider);
        Assert.Equal(folder, target.DataDirectory);
        Assert.Equal(Path.Combine(folder, "astropal.db"), DataSource(target.ConnectionString));
        Assert.Equal(Path.Combine(folder, "quartz.db"), DataSource(target.SqliteFile("quartz.db")));
        Assert.True(target.IsComplete);
    }

    [Fact]
    public void The_data_folder_defaults_to_App_Data_under_the_content_root()
    {
        var target = DatabaseTarget.For(Builder());

        Assert.Equal(Path.GetFullPath(Path.Combine(Path.GetTempPath(), "App_Data")), target.DataDirectory);
    }

    [Fact]
    public void Sql_Server_uses_the_configured_connection_string_and_is_incomplete_without_one()
    {
        var configured = DatabaseTarget.For(Builder(("Database:Provider", "sqlserver"), ("ConnectionStrings:Astropal", "Server=db;Database=astropal")));
        var missing = DatabaseTarget.For(Builder(("Database:Provider", "SqlServer")));

        Assert.Equal(DatabaseProvider.SqlServer, configured.Provider);
        Assert.Equal("Server=db;Database=astropal", configured.ConnectionString);
        Assert.True(configured.IsComplete);
        Assert.False(missing.IsComplete);
    }

    [Fact]
    public void Is_resolved_once_per_builder()
    {
        var builder = Builder(("Database:Provider", "Sqlite"));

        Assert.Same(DatabaseTarget.For(builder), DatabaseTarget.For(builder));
    }
}
