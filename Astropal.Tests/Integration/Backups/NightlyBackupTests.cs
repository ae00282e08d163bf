using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Backups;
using Astropal.Web.Infrastructure.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Astropal.Tests.Integration.Backups;

/// <summary>The nightly backup with a fake clock: retention of daily and weekly copies, the readiness entry and the age gauge.</summary>
public sealed class NightlyBackupTests
{
    // A Monday, at the job's 02:30 UTC.
    private static readonly DateTimeOffset FirstNight = new(2026, 11, 2, 2, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Forty_nights_keep_the_last_seven_days_and_the_newest_of_the_last_four_weeks()
    {
        var time = new FakeTimeProvider(FirstNight);
        await using var app = new AstropalAppFactory { TestServices = s => s.AddSingleton<TimeProvider>(time) };
        var nightly = app.Services.GetRequiredService<NightlyBackup>();
        var folder = app.DataDirectory.File("backups");
        // A folder the job does not own is never touched.
        Directory.CreateDirectory(Path.Combine(folder, "keep-me"));

        for (var night = 0; night < 40; night++)
        {
            await nightly.RunAsync(CancellationToken.None);
            time.Advance(TimeSpan.FromDays(1));
        }

        // The last night is Friday 11 December: days 5–11 December, and the newest of the weeks
        // 30 Nov–6 Dec (6 Dec, already a daily), 23–29 Nov (29 Nov) and 16–22 Nov (22 Nov).
        string[] expected =
        [
            "astropal-backup-20261122T023000Z", "astropal-backup-20261129T023000Z",
            .. Enumerable.Range(5, 7).Select(d => $"astropal-backup-202612{d:00}T023000Z"),
        ];
        var left = Directory.GetDirectories(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal([.. expected, "keep-me"], left);
    }

    [Fact]
    public async Task Retention_follows_Backups_KeepDaily_and_KeepWeekly()
    {
        var time = new FakeTimeProvider(FirstNight);
        await using var app = new AstropalAppFactory
        {
            Settings = new Dictionary<string, string?> { ["Backups:KeepDaily"] = "2", ["Backups:KeepWeekly"] = "0" },
            TestServices = s => s.AddSingleton<TimeProvider>(time),
        };
        var nightly = app.Services.GetRequiredService<NightlyBackup>();

        for (var night = 0; night < 5; night++)
        {
            await nightly.RunAsync(CancellationToken.None);
            time.Advance(TimeSpan.FromDays(1));
        }

        var left = Directory.GetDirectories(app.DataDirectory.File("backups")).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(["astropal-backup-20261105T023000Z", "astropal-backup-20261106T023000Z"], left);
    }

    [Fact]
    public async Task Readiness_reports_the_backup_age_and_degrades_after_26_hours_while_the_gauge_shows_the_age()
    {
        var time = new FakeTimeProvider(FirstNight);
        await using var app = new AstropalAppFactory { TestServices = s => s.AddSingleton<TimeProvider>(time) };
        using var client = app.CreateClient();
        using var age = new MetricCollector<double>(app.Services.GetRequiredService<IMeterFactory>(), BackupMetrics.MeterName, "astropal.backup.age");

        var none = await BackupEntryAsync(client);
        Assert.Equal(("Healthy", "Healthy"), (none.Overall, none.Status));
        Assert.Contains("No backup yet", none.Description, StringComparison.Ordinal);
        age.RecordObservableInstruments();
        Assert.Empty(age.GetMeasurementSnapshot());

        await app.Services.GetRequiredService<NightlyBackup>().RunAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromHours(25));
        var fresh = await BackupEntryAsync(client);
        age.RecordObservableInstruments();
        Assert.Equal(("Healthy", "Healthy"), (fresh.Overall, fresh.Status));
        Assert.Equal(25 * 3600, age.LastMeasurement!.Value);

        time.Advance(TimeSpan.FromHours(2));
        var stale = await BackupEntryAsync(client);
        Assert.Equal(("Degraded", "Degraded"), (stale.Overall, stale.Status));
        Assert.Contains("27.0 h old", stale.Description, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, stale.Code);
    }

    private static async Task<(string Overall, string Status, string Description, HttpStatusCode Code)> BackupEntryAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var backup = json.RootElement.GetProperty("checks").GetProperty("backup");
        return (json.RootElement.GetProperty("status").GetString()!, backup.GetProperty("status").GetString()!, backup.GetProperty("description").GetString()!, response.StatusCode);
    }
}
