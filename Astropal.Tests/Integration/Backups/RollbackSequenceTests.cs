using Astropal.Data;
using Astropal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Astropal.Tests.Integration.Backups;

/// <summary>
/// The command part of the rollback plan (docs/runbooks/rollback.md), each step as the operator types it on the server
/// with the app stopped: <c>jobs pause --all</c> → <c>restore --file</c> → <c>jobs resume --all</c>.
/// </summary>
public sealed class RollbackSequenceTests
{
    [Fact]
    public async Task Pause_all_then_restore_then_resume_all_each_do_what_the_runbook_says()
    {
        using var dir = new TempDirectory("rollback");
        using var output = new TempDirectory("rollback-backup");
        var settings = new Dictionary<string, string> { ["Storage:DataDirectory"] = dir.Path };
        var database = Path.Combine(dir.Path, "astropal.db");

        // Yesterday's release: ten readers, backed up; then the bad release adds five more before it is stopped.
        await using (var app = new AstropalAppFactory { Settings = settings.ToDictionary(p => p.Key, p => (string?)p.Value) })
        {
            var dbFactory = app.Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>();
            for (var i = 0; i < 10; i++)
            {
                await BackupTestKit.AddReaderAsync(dbFactory);
            }

            Assert.Equal(0, (await CliRun.RunAsync(app.Services, null, "backup", "--out", output.Path)).ExitCode);
            for (var i = 0; i < 5; i++)
            {
                await BackupTestKit.AddReaderAsync(dbFactory);
            }
        }

        var backupFile = Path.Combine(BackupTestKit.BackupFolder(output.Path), "astropal.db");

        var pause = await WebAppProcess.RunCommandAsync(settings, "jobs", "pause", "--all", "--reason", "rollback of release 42");
        Assert.True(pause.ExitCode == 0, pause.Out + pause.Error);
        Assert.Equal(1, await BackupTestKit.CountAsync(database, "SELECT COUNT(*) FROM JobPauses WHERE JobKey = '*'"));

        var restore = await WebAppProcess.RunCommandAsync(settings, "restore", "--file", backupFile);
        Assert.True(restore.ExitCode == 0, restore.Out + restore.Error);
        Assert.Equal(10, await BackupTestKit.CountAsync(database));
        // The backup had no pause; the restore adds one, so nothing runs until someone has checked.
        Assert.Equal(1, await BackupTestKit.CountAsync(database, "SELECT COUNT(*) FROM JobPauses WHERE JobKey = '*' AND Reason LIKE 'Database restored from astropal-backup-%'"));
        var kept = Assert.Single(Directory.GetFiles(dir.Path, "astropal.pre-restore-*.db"));
        Assert.Equal(15, await BackupTestKit.CountAsync(kept));

        var resume = await WebAppProcess.RunCommandAsync(settings, "jobs", "resume", "--all");
        Assert.True(resume.ExitCode == 0, resume.Out + resume.Error);
        Assert.Contains("Resumed all jobs.", resume.Out, StringComparison.Ordinal);
        Assert.Equal(0, await BackupTestKit.CountAsync(database, "SELECT COUNT(*) FROM JobPauses"));
        Assert.Equal(
            3,
            await BackupTestKit.CountAsync(database, "SELECT COUNT(*) FROM AuditLog WHERE Actor = 'cli' AND Action IN ('jobs.paused', 'database.restored', 'jobs.resumed')"));
    }
}
