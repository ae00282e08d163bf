using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Astropal.Data;

// dotnet-ef builds the contexts without the web host and without a server.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAstropalDbContext>
{
    public SqliteAstropalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAstropalDbContext>()
            .UseSqlite("Data Source=design-time.db", DatabaseSetup.ConfigureSqlite)
            .Options);
}
