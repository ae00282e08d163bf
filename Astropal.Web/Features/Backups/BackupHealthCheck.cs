using Astropal.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Backups;

/// <summary>
/// The <c>backup</c> entry of <c>/readyz</c>: Degraded (never Unhealthy: an old backup is no reason to take the
/// instance out of the load balancer) when the last backup finished more than <see cref="MaxAge"/> ago, or when there
/// has been none and this process has run longer than that. On SQL Server without <c>Backups:SqlServerDirectory</c>
/// backups are the managed service's, and the check says so.
/// </summary>
public sealed class BackupHealthCheck(
    BackupStamp stamp,
    IOptions<DatabaseOptions> database,
    IOptions<BackupOptions> options,
    TimeProvider clock) : IHealthCheck
{
    /// <summary>A nightly backup plus two hours of slack for a slow or retried run.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(26);

    private readonly DateTimeOffset startedAt = clock.GetUtcNow();

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (database.Value.Provider == DatabaseProvider.SqlServer && string.IsNullOrWhiteSpace(options.Value.SqlServerDirectory))
        {
            return Task.FromResult(HealthCheckResult.Healthy("SQL Server: backups are the database service's (Backups:SqlServerDirectory is not set)."));
        }

        var now = clock.GetUtcNow();
        if (stamp.Read() is not { } last)
        {
            var up = now - startedAt;
            return Task.FromResult(up > MaxAge
                ? HealthCheckResult.Degraded($"No backup has been taken in the {Hours(up)} h this instance has run; see docs/runbooks/database-restore.md.")
                : HealthCheckResult.Healthy("No backup yet; the nightly backup runs at 02:30 UTC."));
        }

        var age = now - last.At;
        var data = new Dictionary<string, object>
        {
            ["lastBackupAt"] = last.At.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["ageSeconds"] = Math.Round(age.TotalSeconds),
            ["location"] = last.Location,
        };
        return Task.FromResult(age > MaxAge
            ? HealthCheckResult.Degraded($"The last backup is {Hours(age)} h old (more than {MaxAge.TotalHours:0} h).", data: data)
            : HealthCheckResult.Healthy($"The last backup is {Hours(age)} h old.", data));
    }

    private static string Hours(TimeSpan span) => span.TotalHours.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
}
