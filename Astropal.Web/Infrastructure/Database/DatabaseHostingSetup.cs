using Astropal.Data;
using Astropal.Web.Infrastructure.Security;
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

        // The provider decides which context type (and migration set) is registered, so it is resolved here,
        // in the composition root, once for EF Core and Quartz; an unreadable value is reported by the validation above.
        var target = DatabaseTarget.For(builder);
        builder.Services.AddSingleton<IValidateOptions<DatabaseOptions>>(new ConnectionStringPresent(target));
        builder.Services.AddAstropalDbContext(target.Provider, target.ConnectionString);

        // One key ring in the database for every instance, encrypted with a certificate (DataProtectionSetup).
        builder.AddAstropalDataProtection();
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

    private sealed class ConnectionStringPresent(DatabaseTarget target) : IValidateOptions<DatabaseOptions>
    {
        public ValidateOptionsResult Validate(string? name, DatabaseOptions options) =>
            options.Provider == DatabaseProvider.SqlServer && !target.IsComplete
                ? ValidateOptionsResult.Fail("ConnectionStrings:Astropal is required when Database:Provider is SqlServer.")
                : ValidateOptionsResult.Success;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Applied {Count} SQLite migration(s): {Migrations}")]
        public static partial void MigrationsApplied(ILogger logger, int count, IReadOnlyList<string> migrations);
    }
}
