using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Astropal.Web.Features.Delivery;

/// <summary>
/// Whether an exception thrown while composing or handing over an email is worth retrying (house rule 12). Only what
/// time can fix is transient: a timeout, a network or relay hiccup, a busy or locked database. Everything else (missing
/// birth data, a template error, an argument a bug produced) would fail the same way on every attempt, so the row fails
/// on its first one with the reason.
/// </summary>
public static class FailureClassifier
{
    public static bool IsTransient(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            if (ex is AggregateException aggregate)
            {
                return aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsTransient);
            }

            if (IsTransientItself(ex))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsTransientItself(Exception ex) => ex switch
    {
        TimeoutException or HttpRequestException or SocketException => true,
        // A missing file is a deployment fault that stays until someone fixes it.
        IOException and not (FileNotFoundException or DirectoryNotFoundException) => true,
        SqliteException sqlite => sqlite.SqliteErrorCode is 5 or 6, // SQLITE_BUSY, SQLITE_LOCKED
        SqlException sql => sql.IsTransient || sql.Number is -2 or 1205 or 233 or 64 or 4060 or 10053 or 10054 or 10060 or 40197 or 40501 or 40613 or 49918 or 49919 or 49920,
        DbException db => db.IsTransient,
        _ => false,
    };
}
