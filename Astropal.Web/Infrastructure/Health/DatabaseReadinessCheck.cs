using Astropal.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Astropal.Web.Infrastructure.Health;

/// <summary>Ready when the database answers and has no pending migrations.</summary>
internal sealed class DatabaseReadinessCheck(AstropalDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("The database does not answer.");
            }

            var pending = await DatabaseMigrator.PendingMigrationsAsync(db, cancellationToken);
            return pending.Count == 0
                ? HealthCheckResult.Healthy("Connected; migrations applied.")
                : HealthCheckResult.Unhealthy(
                    $"{pending.Count} pending migration(s); run the migrate command.",
                    data: new Dictionary<string, object> { ["pending"] = pending });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database check failed: " + e.GetType().Name);
        }
    }
}
