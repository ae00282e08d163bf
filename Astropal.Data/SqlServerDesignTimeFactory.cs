using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Astropal.Data;

// dotnet-ef builds the context without the web host and without a server.
internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerAstropalDbContext>
{
    public SqlServerDesignTimeFactory()
    {
    }

    public SqlServerAstropalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerAstropalDbContext>()
            .UseSqlServer("Server=(design-time);Database=Astropal;Trusted_Connection=True", DatabaseSetup.ConfigureSqlServer)
            .Options);
}
