using Astropal.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Astropal.Web.Features.Backups;

/// <summary>
/// The lock file beside the SQLite database (<c>astropal.db.lock</c>) that says "an app is running on this database".
/// Every running web instance holds a shared lock on it (an OS file lock, <c>flock</c> on Linux, taken through
/// <see cref="FileShare"/>; released by the kernel when the process ends, even when it is killed); <c>restore</c>
/// takes it exclusively and refuses when it cannot. While a restore holds it, an app that starts fails at once
/// instead of migrating a half-restored file.
/// </summary>
public sealed class DatabaseInstanceLock : IDisposable
{
    private const string Suffix = ".lock";

    private readonly FileStream stream;

    private DatabaseInstanceLock(FileStream stream, string path)
    {
        this.stream = stream;
        Path = path;
    }

    public string Path { get; }

    /// <summary>The lock file of the SQLite database at <paramref name="databaseFile"/>.</summary>
    public static string PathFor(string databaseFile) => databaseFile + Suffix;

    /// <summary>The SQLite file of <paramref name="db"/>, or null on SQL Server or an in-memory database.</summary>
    public static string? SqliteFileOf(AstropalDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsSqlite())
        {
            return null;
        }

        var source = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        return string.IsNullOrEmpty(source) || source == ":memory:" ? null : System.IO.Path.GetFullPath(source);
    }

    /// <summary>A running app's shared lock. Throws <see cref="InvalidOperationException"/> while a restore holds the file.</summary>
    public static DatabaseInstanceLock HoldShared(string databaseFile) =>
        TryTake(databaseFile, exclusive: false)
        ?? throw new InvalidOperationException(
            $"The database {databaseFile} is being restored (the lock file {PathFor(databaseFile)} is held exclusively); start the app when the restore has finished.");

    /// <summary>The restore's exclusive lock, or null when a running app (or another restore) holds the file.</summary>
    public static DatabaseInstanceLock? TryTakeExclusive(string databaseFile) => TryTake(databaseFile, exclusive: true);

    public void Dispose() => stream.Dispose();

    private static DatabaseInstanceLock? TryTake(string databaseFile, bool exclusive)
    {
        var path = PathFor(databaseFile);
        var directory = System.IO.Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        try
        {
            // .NET on Unix turns FileShare.None into flock(LOCK_EX) and any sharing into flock(LOCK_SH), both non-blocking.
            var stream = exclusive
                ? new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None)
                : OpenShared(path);
            return new DatabaseInstanceLock(stream, path);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static FileStream OpenShared(string path)
    {
        if (!File.Exists(path))
        {
            using (new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite))
            {
            }
        }

        // Read access: a shared flock on a file opened for reading is allowed on every file system.
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
    }
}
