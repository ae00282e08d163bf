using Astropal.Web.Features.Backups;

namespace Astropal.Tests.Web.Backups;

public sealed class SqlServerBackupSqlTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_backup_is_copy_only_with_checksums_to_a_file_named_after_the_utc_time()
    {
        var file = SqlServerBackupSql.FilePath("/var/opt/mssql/backups/", At);

        Assert.Equal("/var/opt/mssql/backups/astropal-backup-20261205T120000Z.bak", file);
        Assert.Equal(
            "BACKUP DATABASE [astropal] TO DISK = N'/var/opt/mssql/backups/astropal-backup-20261205T120000Z.bak' WITH COPY_ONLY, CHECKSUM, INIT, NAME = N'astropal-backup-20261205T120000Z';",
            SqlServerBackupSql.Backup("astropal", file));
        Assert.Equal(
            "RESTORE VERIFYONLY FROM DISK = N'/var/opt/mssql/backups/astropal-backup-20261205T120000Z.bak' WITH CHECKSUM;",
            SqlServerBackupSql.Verify(file));
    }

    [Fact]
    public void A_windows_folder_keeps_its_backslashes()
    {
        Assert.Equal(@"D:\Backups\astropal-backup-20261205T120000Z.bak", SqlServerBackupSql.FilePath(@"D:\Backups\", At));
    }

    [Fact]
    public void Quotes_and_brackets_in_names_cannot_break_out_of_the_statement()
    {
        var sql = SqlServerBackupSql.Backup("astro]pal; DROP TABLE x --", "/b/it's.bak");

        Assert.StartsWith("BACKUP DATABASE [astro]]pal; DROP TABLE x --] TO DISK = N'/b/it''s.bak'", sql, StringComparison.Ordinal);
    }
}
