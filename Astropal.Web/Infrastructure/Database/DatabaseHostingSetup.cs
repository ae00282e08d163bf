using Astropal.Data;
using Microsoft.AspNetCore.DataProtection;
using Astropal.Web.Infrastructure.Hosting;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Infrastructure.Database;

public static partial class DatabaseHostingSetup
{
    public static IHostApplicationBuilder AddAstropalDatabase(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DatabaseOptions>>(new ConnectionStringPresent(builder.Configuration));

        // The provider decides which context type (and migration set) is registered, so it is read here,
        // in the composition root; an unreadable value is reported by the options validation above.
        var provider = Enum.TryParse<DatabaseProvider>(builder.Configuration["Database:Provider"], ignoreCase: true, out var parsed)
            ? parsed
            : DatabaseProvider.Sqlite;
        var configured = builder.Configuration.GetConnectionString(DatabaseSetup.ConnectionStringName);
        var connectionString = provider == DatabaseProvider.SqlServer && string.IsNullOrWhiteSpace(configured)
            ? "Server=(not-configured)"
            : DatabaseSetup.ResolveConnectionString(
                provider,
                configured,
                StorageSetup.ResolveDataDirectory(builder.Environment.ContentRootPath, builder.Configuration["Storage:DataDirectory"]));

        builder.Services.AddAstropalDbContext(provider, connectionString);

        // One key ring in the database for every instance: tokens signed by one instance
        // (unsubscribe, tracking, antiforgery, sign-in cookies) are read by the others.
        builder.Services.AddDataProtection()
            .SetApplicationName("Astropal")
            .PersistKeysToDbContext<AstropalDbContext>();
        return builder;
    }

    /// <summary>
    /// On the embedded SQLite default the schema is created and migrated on start. SQL Server is
    /// never migrated implicitly: run the <c>migrate</c> command (readiness reports pending ones).
    /// </summary>
    public static async Task PrepareEmbeddedDatabaseAsync(this WebApplication app, CancellationToken cancellationToken)
    {
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (options.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AstropalDbContext>();
        var applied = await DatabaseMigrator.MigrateAsync(db, cancellationToken);
        if (applied.Count > 0)
        {
            Log.MigrationsApplied(app.Logger, applied.Count, applied);
        }
    }

    private sealed class ConnectionStringPresent(IConfiguration configuration) : IValidateOptions<DatabaseOptions>
    {
        public ValidateOptionsResult Validate(string? name, DatabaseOptions options) =>
            options.Provider == DatabaseProvider.SqlServer
            && string.IsNullOrWhiteSpace(configuration.GetConnectionString(DatabaseSetup.ConnectionStringName))
                ? ValidateOptionsResult.Fail("ConnectionStrings:Astropal is required when Database:Provider is SqlServer.")
                : ValidateOptionsResult.Success;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Applied {Count} SQLite migration(s): {Migrations}")]
        public static partial void MigrationsApplied(ILogger logger, int count, IReadOnlyList<string> migrations);
    }
}
