using Astropal.Web.Infrastructure.Cli;
using Astropal.Web.Infrastructure.Health;
using Astropal.Web.Infrastructure.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Astropal.Web.Features.Backups;

public static class BackupsSetup
{
    /// <summary>
    /// Backups and restore: <c>Backups</c> options (validated at startup), the backup and restore services, the
    /// <c>backup</c> and <c>restore</c> commands, the <c>backup</c> readiness entry and the <c>astropal.backup.age</c> gauge.
    /// </summary>
    public static IHostApplicationBuilder AddAstropalBackups(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<BackupOptions>()
            .BindConfiguration(BackupOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<BackupStamp>();
        services.TryAddSingleton<DatabaseBackup>();
        services.TryAddSingleton<NightlyBackup>();
        services.TryAddSingleton<DatabaseRestore>();
        services.TryAddSingleton<BackupHealthCheck>();
        services.TryAddSingleton<BackupMetrics>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<ICliCommand, BackupCommand>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<ICliCommand, RestoreCommand>());
        services.AddHealthChecks().Add(new HealthCheckRegistration(
            "backup", sp => sp.GetRequiredService<BackupHealthCheck>(), HealthStatus.Degraded, [HealthSetup.ReadyTag]));
        return builder;
    }

    /// <summary>
    /// The running web app's shared lock on the SQLite database's lock file (<see cref="DatabaseInstanceLock"/>), held
    /// until the app stops; <c>restore</c> refuses while any instance holds it. Nothing on SQL Server.
    /// </summary>
    public static IDisposable? HoldDatabaseInstanceLock(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        string? file;
        using (var scope = app.Services.CreateScope())
        {
            file = DatabaseInstanceLock.SqliteFileOf(scope.ServiceProvider.GetRequiredService<Data.AstropalDbContext>());
        }

        if (file is null)
        {
            return null;
        }

        var held = DatabaseInstanceLock.HoldShared(file);
        app.Lifetime.ApplicationStopped.Register(held.Dispose);
        return held;
    }
}
