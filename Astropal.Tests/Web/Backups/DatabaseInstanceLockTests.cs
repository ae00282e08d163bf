using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Backups;

namespace Astropal.Tests.Web.Backups;

/// <summary>The lock file beside the database: instances share it, a restore needs it alone.</summary>
public sealed class DatabaseInstanceLockTests
{
    [Fact]
    public void Running_instances_share_the_lock_and_a_restore_cannot_take_it_until_all_have_stopped()
    {
        using var dir = new TempDirectory("instance-lock");
        var database = dir.File("astropal.db");

        var first = DatabaseInstanceLock.HoldShared(database);
        var second = DatabaseInstanceLock.HoldShared(database);
        Assert.Equal(database + ".lock", first.Path);
        Assert.Null(DatabaseInstanceLock.TryTakeExclusive(database));

        first.Dispose();
        Assert.Null(DatabaseInstanceLock.TryTakeExclusive(database));

        second.Dispose();
        using var restore = DatabaseInstanceLock.TryTakeExclusive(database);
        Assert.NotNull(restore);
    }

    [Fact]
    public void An_instance_that_starts_during_a_restore_fails_with_a_clear_message()
    {
        using var dir = new TempDirectory("instance-lock-restore");
        var database = dir.File("astropal.db");
        using var restore = DatabaseInstanceLock.TryTakeExclusive(database);
        Assert.NotNull(restore);

        var error = Assert.Throws<InvalidOperationException>(() => DatabaseInstanceLock.HoldShared(database));

        Assert.Contains("is being restored", error.Message, StringComparison.Ordinal);
        Assert.Null(DatabaseInstanceLock.TryTakeExclusive(database));
    }
}
