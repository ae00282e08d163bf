using Astropal.Web.Features.Backups;

namespace Astropal.Tests.Web.Backups;

public sealed class BackupRetentionTests
{
    [Fact]
    public void Only_the_newest_backup_of_a_day_counts_as_that_days_copy()
    {
        string[] names = ["astropal-backup-20261205T023000Z", "astropal-backup-20261205T140000Z", "astropal-backup-20261204T023000Z"];

        var doomed = BackupRetention.ToDelete(names, keepDaily: 2, keepWeekly: 0);

        Assert.Equal(["astropal-backup-20261205T023000Z"], doomed);
    }

    [Fact]
    public void Days_without_a_backup_do_not_count_so_the_last_good_copies_stay()
    {
        // Backups stopped on 1 November; a month later the nightly job works again.
        string[] names = ["astropal-backup-20261030T023000Z", "astropal-backup-20261031T023000Z", "astropal-backup-20261201T023000Z"];

        Assert.Empty(BackupRetention.ToDelete(names, keepDaily: 3, keepWeekly: 0));
    }

    [Fact]
    public void Names_that_are_not_backups_are_never_deleted()
    {
        string[] names = ["astropal-backup-20261205T023000Z", "astropal-backup-20261204T023000Z", "notes", "astropal-backup-garbage"];

        Assert.Equal(["astropal-backup-20261204T023000Z"], BackupRetention.ToDelete(names, keepDaily: 1, keepWeekly: 0));
    }

    [Theory]
    [InlineData("astropal-backup-20261205T120000Z", "2026-12-05T12:00:00Z")]
    [InlineData("astropal-backup-20261205T120000Z-2", "2026-12-05T12:00:00Z")]
    [InlineData("astropal-backup-2026120", null)]
    [InlineData("backup-20261205T120000Z", null)]
    public void The_time_is_read_from_the_folder_name(string name, string? expected)
    {
        Assert.Equal(expected is null ? null : DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), BackupRetention.TimeOf(name));
    }

    [Fact]
    public void The_folder_name_is_the_utc_time()
    {
        Assert.Equal("astropal-backup-20261205T120000Z", BackupRetention.FolderName(new DateTimeOffset(2026, 12, 5, 13, 0, 0, TimeSpan.FromHours(1))));
    }
}
