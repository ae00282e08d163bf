using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Astropal.Web.Infrastructure.Database;

/// <summary>Recognises an insert refused by a unique key or primary key, on either provider.</summary>
public static class UniqueViolation
{
    public static bool Is(DbUpdateException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.InnerException switch
        {
            SqliteException sqlite => sqlite.SqliteErrorCode == 19, // SQLITE_CONSTRAINT (UNIQUE / PRIMARY KEY)
            SqlException sql => sql.Number is 2601 or 2627,
            _ => false,
        };
    }
}
