using Astropal.Data;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Delivery;
using Microsoft.EntityFrameworkCore;

namespace Astropal.Tests.Data;

/// <summary>The delivery outcome updates are plain SQL built from the EF model: the same statement in each provider's dialect.</summary>
public sealed class OutcomeCommandsSqlTests
{
    [Fact]
    public void On_sqlite_the_outcome_updates_quote_with_double_quotes_and_apply_only_to_a_row_still_sending_under_its_lease()
    {
        using var dir = new TempDirectory("outcome-sql");
        using var db = new SqliteAstropalDbContext(new DbContextOptionsBuilder<SqliteAstropalDbContext>()
            .UseSqlite($"Data Source={dir.File("x.db")}", DatabaseSetup.ConfigureSqlite).Options);

        var (finish, release) = OutcomeCommands.SqlOf(db);

        Assert.Equal(
            "UPDATE \"Deliveries\" SET \"Status\" = @status, \"LastError\" = @error, \"SentAt\" = @sentAt, \"LatenessSeconds\" = @lateness, " +
            "\"LeaseUntil\" = NULL, \"NextAttemptAt\" = @next, \"UpdatedAt\" = @at " +
            "WHERE \"Id\" = @id AND \"Status\" = @sending AND \"LeaseUntil\" = @lease",
            finish);
        Assert.Equal(
            "UPDATE \"Deliveries\" SET \"Status\" = @pending, \"Attempts\" = \"Attempts\" - 1, \"LastError\" = @error, \"NextAttemptAt\" = @next, " +
            "\"LeaseUntil\" = NULL, \"UpdatedAt\" = @at WHERE \"Id\" = @id AND \"Status\" = @sending AND \"LeaseUntil\" = @lease",
            release);
    }

    [Fact]
    public void On_sql_server_the_same_updates_are_written_in_its_dialect()
    {
        // No server is contacted: the statements come from the model alone.
        using var db = new SqlServerAstropalDbContext(new DbContextOptionsBuilder<SqlServerAstropalDbContext>()
            .UseSqlServer("Server=(no-server);Database=Astropal;Trusted_Connection=True", DatabaseSetup.ConfigureSqlServer).Options);

        var (finish, release) = OutcomeCommands.SqlOf(db);

        Assert.StartsWith("UPDATE [Deliveries] SET [Status] = @status, [LastError] = @error, [SentAt] = @sentAt,", finish, StringComparison.Ordinal);
        Assert.EndsWith("WHERE [Id] = @id AND [Status] = @sending AND [LeaseUntil] = @lease", finish, StringComparison.Ordinal);
        Assert.Contains("[Attempts] = [Attempts] - 1", release, StringComparison.Ordinal);
        Assert.EndsWith("WHERE [Id] = @id AND [Status] = @sending AND [LeaseUntil] = @lease", release, StringComparison.Ordinal);
    }
}
