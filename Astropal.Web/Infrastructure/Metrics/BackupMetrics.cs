using System.Diagnostics.Metrics;
using Astropal.Web.Features.Backups;

namespace Astropal.Web.Infrastructure.Metrics;

/// <summary>
/// The <c>Astropal.Backups</c> meter: <c>astropal.backup.age</c>, seconds since the last backup finished (Prometheus
/// <c>astropal_backup_age_seconds</c>), read from the backup stamp at each scrape. No value until the first backup.
/// </summary>
public sealed class BackupMetrics
{
    public const string MeterName = "Astropal.Backups";

    public BackupMetrics(IMeterFactory meterFactory, BackupStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(stamp);
        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableGauge(
            "astropal.backup.age",
            () => stamp.Age() is { } age ? [new Measurement<double>(Math.Round(age.TotalSeconds))] : Array.Empty<Measurement<double>>(),
            "s",
            "Seconds since the last backup (nightly or the backup command) finished.");
    }
}
