using Astropal.Core.Storage;
using Astropal.Data;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Audit;
using Astropal.Web.Features.Backups;
using Astropal.Web.Features.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Astropal.Tests.Web.Backups;

/// <summary>On SQL Server (no server here: nothing connects before these answers) backup needs its folder and restore points to the docs.</summary>
public sealed class SqlServerBackupAndRestoreTests
{
    private sealed class SqlServerContexts : IDbContextFactory<AstropalDbContext>
    {
        public AstropalDbContext CreateDbContext() =>
            new SqlServerAstropalDbContext(new DbContextOptionsBuilder<SqlServerAstropalDbContext>()
                .UseSqlServer("Server=(not-reachable);Database=astropal;Connect Timeout=1").Options);
    }

    [Fact]
    public async Task Restore_refuses_on_sql_server_with_the_steps_and_the_docs()
    {
        var contexts = new SqlServerContexts();
        var audit = new AuditLog(contexts, TimeProvider.System);
        var restore = new DatabaseRestore(contexts, new JobPauses(contexts, audit, TimeProvider.System), audit, TimeProvider.System);

        var outcome = await restore.RestoreAsync("/tmp/astropal.db", "cli", CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Contains("RESTORE DATABASE", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("jobs pause --all", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("docs/backups.md", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backup_without_Backups_SqlServerDirectory_fails_naming_the_setting_and_the_managed_alternative()
    {
        using var dir = new TempDirectory("sqlserver-backup");
        var storage = Options.Create(new StorageOptions { DataDirectory = dir.Path });
        var backup = new DatabaseBackup(
            new SqlServerContexts(), storage, Options.Create(new BackupOptions()), new BackupStamp(storage, TimeProvider.System), TimeProvider.System, NullLogger<DatabaseBackup>.Instance);

        var outcome = await backup.CreateAsync(null, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Contains("Backups:SqlServerDirectory is not set", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("point-in-time restore", outcome.Error, StringComparison.Ordinal);
        Assert.Null(new BackupStamp(storage, TimeProvider.System).Read());
    }
}
