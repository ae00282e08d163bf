using Microsoft.EntityFrameworkCore;

namespace Astropal.Data;

/// <summary>Production: SQL Server. Schema changes only through the <c>migrate</c> command.</summary>
public sealed class SqlServerAstropalDbContext(DbContextOptions<SqlServerAstropalDbContext> options)
    : AstropalDbContext(options);
