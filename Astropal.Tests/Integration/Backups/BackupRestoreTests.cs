using Astropal.Data;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Backups;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Astropal.Tests.Integration.Backups;

/// <summary>
/// The issue's "done when": <c>backup</c> while the app writes gives a copy that passes integrity_check; <c>restore</c>
/// refuses while the app runs; once it is stopped, <c>restore</c> of that copy brings the reader count back to the
/// backup's, keeps the previous database and leaves every job paused.
/// </summary>
public sealed class BackupRestoreTests
{
    [Fact]
    public async Task A_backup_taken_while_the_app_writes_is_sound_and_restoring_it_brings_back_its_readers_with_jobs_paused()
    {
        using var dir = new TempDirectory("backup-restore");
        using var output = new TempDirectory("backup-out");
        var settings = new Dictionary<string, string> { ["Storage:DataDirectory"] = dir.Path };
        var database = Path.Combine(dir.Path, "astropal.db");
        long before, after, liveAtStop;
        string backupFile;

        await using (var app = new AstropalAppFactory { Settings = settings.ToDictionary(p => p.Key, p => (string?)p.Value) })
        {
            var dbFactory = app.Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>();
            using var stop = new CancellationTokenSource();
            var written = 0;
            var writers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    await BackupTestKit.AddReaderAsync(dbFactory, CancellationToken.None);
                    Interlocked.Increment(ref written);
                }
            })).ToList();
            await BackupTestKit.WaitUntilAsync(() => Task.FromResult(Volatile.Read(ref written) >= 100), "the writers to start");

            before = await BackupTestKit.ReaderCountAsync(dbFactory);
            var backup = await CliRun.RunAsync(app.Services, null, "backup", "--out", output.Path);
            after = await BackupTestKit.ReaderCountAsync(dbFactory);
            await BackupTestKit.WaitUntilAsync(async () => await BackupTestKit.ReaderCountAsync(dbFactory) > after + 20, "more readers after the backup");

            // Refused while the app runs: nothing changes.
            var folder = BackupTestKit.BackupFolder(output.Path);
            backupFile = Path.Combine(folder, "astropal.db");
            var refused = await CliRun.RunAsync(app.Services, null, "restore", "--file", backupFile);
            // The same from another process, as an operator on the server would try it.
            var refusedOutside = await WebAppProcess.RunCommandAsync(settings, "restore", "--file", backupFile);

            await stop.CancelAsync();
            await Task.WhenAll(writers);
            liveAtStop = await BackupTestKit.ReaderCountAsync(dbFactory);

            Assert.True(backup.ExitCode == 0, backup.Out + backup.Error);
            Assert.Contains(backupFile, backup.Out, StringComparison.Ordinal);
            Assert.Contains("bytes)", backup.Out, StringComparison.Ordinal);
            Assert.Matches(@"astropal-backup-\d{8}T\d{6}Z$", folder);
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("The app is running on", refused.Error, StringComparison.Ordinal);
            Assert.Contains("nothing was changed", refused.Error, StringComparison.Ordinal);
            Assert.True(refusedOutside.ExitCode == 1, refusedOutside.Out + refusedOutside.Error);
            Assert.Contains("The app is running on", refusedOutside.Error, StringComparison.Ordinal);
            Assert.Empty(Directory.GetFiles(dir.Path, "*.pre-restore-*"));
            Assert.Equal(liveAtStop, await BackupTestKit.ReaderCountAsync(dbFactory));
        }

        var check = await SqliteFileCheck.RunAsync(backupFile, CancellationToken.None);
        Assert.True(check.IntegrityOk, check.IntegrityMessage);
        var inBackup = await BackupTestKit.CountAsync(backupFile);
        Assert.InRange(inBackup, before, after);
        Assert.True(liveAtStop > inBackup);

        // The app is stopped: restore, as the operator would, in a process of its own.
        var restored = await WebAppProcess.RunCommandAsync(settings, "restore", "--file", backupFile);

        Assert.True(restored.ExitCode == 0, restored.Out + restored.Error);
        Assert.Equal(inBackup, await BackupTestKit.CountAsync(database));
        var kept = Assert.Single(Directory.GetFiles(dir.Path, "astropal.pre-restore-*.db"));
        Assert.Equal(liveAtStop, await BackupTestKit.CountAsync(kept));
        Assert.Equal(1, await BackupTestKit.CountAsync(database, "SELECT COUNT(*) FROM JobPauses WHERE JobKey = '*'"));
        Assert.Equal(1, await BackupTestKit.CountAsync(database, "SELECT COUNT(*) FROM AuditLog WHERE Action = 'database.restored'"));
        Assert.Contains("Kept the current database as " + kept, restored.Out, StringComparison.Ordinal);
        Assert.Contains("All jobs paused.", restored.Out, StringComparison.Ordinal);
        Assert.Contains($"The restored database has {inBackup} reader(s)", restored.Out, StringComparison.Ordinal);
        Assert.Contains("jobs resume --all", restored.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_refused_and_nothing_changes()
    {
        await using var app = new AstropalAppFactory();
        var bogus = app.DataDirectory.File("not-a-backup.db");
        await File.WriteAllTextAsync(bogus, "this is not SQLite, just text long enough to look like a header and then some more");

        var result = await CliRun.RunAsync(app.Services, null, "restore", "--file", bogus);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("failed its check", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(app.DataDirectory.Path, "*.pre-restore-*"));
    }

    [Fact]
    public async Task A_missing_file_is_refused_with_its_path()
    {
        await using var app = new AstropalAppFactory();

        var result = await CliRun.RunAsync(app.Services, null, "restore", "--file", app.DataDirectory.File("nowhere.db"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("nowhere.db does not exist", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "restore" }, "Option --file is required.")]
    [InlineData(new[] { "restore", "--file" }, "Option --file needs a value.")]
    [InlineData(new[] { "backup", "--to", "x" }, "Unknown option: --to.")]
    [InlineData(new[] { "backup", "--out" }, "Option --out needs a value.")]
    public async Task Bad_arguments_are_usage_errors(string[] args, string message)
    {
        await using var app = new AstropalAppFactory();

        var result = await CliRun.RunAsync(app.Services, null, args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backup_copies_the_quartz_store_too_and_checks_its_tables()
    {
        await using var app = new AstropalAppFactory { Settings = new Dictionary<string, string?> { ["Scheduler:Enabled"] = "true" } };
        // Nothing should run during the test: the pause lands before the scheduler's first fire.
        Assert.Equal(0, (await CliRun.RunAsync(app.Services, null, "jobs", "pause", "--all", "--reason", "backup test")).ExitCode);
        await BackupTestKit.WaitUntilAsync(() => Task.FromResult(File.Exists(app.DataDirectory.File("quartz.db"))), "the Quartz store");

        var result = await CliRun.RunAsync(app.Services, null, "backup");

        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        var folder = BackupTestKit.BackupFolder(app.DataDirectory.File("backups"));
        var quartz = await SqliteFileCheck.RunAsync(Path.Combine(folder, "quartz.db"), CancellationToken.None);
        Assert.True(quartz.IntegrityOk);
        Assert.Empty(quartz.Missing(DatabaseBackup.QuartzTables));
        Assert.Contains(Path.Combine(folder, "quartz.db"), result.Out, StringComparison.Ordinal);
        Assert.Contains("last-backup.txt", string.Join(",", Directory.GetFiles(app.DataDirectory.File("backups"))), StringComparison.Ordinal);

        // The nightly job and the inactive-reader pass are scheduled in Quartz like every job.
        var jobs = await CliRun.RunAsync(app.Services, null, "jobs", "list");
        var nightly = jobs.Out.Split('\n').Single(l => l.StartsWith("nightly-backup ", StringComparison.Ordinal));
        Assert.Contains("Daily at 02:30 UTC", nightly, StringComparison.Ordinal);
        Assert.Contains("02:30 UTC", nightly[(nightly.IndexOf("next ", StringComparison.Ordinal) + 5)..], StringComparison.Ordinal);
        Assert.Contains(jobs.Out.Split('\n'), l => l.StartsWith("inactive-reader-purge ", StringComparison.Ordinal) && l.Contains("next ", StringComparison.Ordinal));
    }
}
