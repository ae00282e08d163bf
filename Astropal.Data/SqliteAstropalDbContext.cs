using Microsoft.EntityFrameworkCore;

namespace Astropal.Data;

/// <summary>The embedded default: one SQLite file under Storage:DataDirectory.</summary>
public sealed class SqliteAstropalDbContext(DbContextOptions<SqliteAstropalDbContext> options)
    : AstropalDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no DateTimeOffset type; stored as sortable 64-bit numbers so that
        // comparisons and ORDER BY run in the database rather than failing to translate.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
    }
}
