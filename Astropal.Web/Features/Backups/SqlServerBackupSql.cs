namespace Astropal.Web.Features.Backups;

/// <summary>The T-SQL of a SQL Server backup: a <c>COPY_ONLY</c> full backup (it does not disturb a backup chain the DBA or the managed service keeps) with checksums, then its verification.</summary>
public static class SqlServerBackupSql
{
    /// <summary>The <c>.bak</c> path in <paramref name="directory"/> (a folder on the database server, Windows or Linux) for a backup at <paramref name="at"/>.</summary>
    public static string FilePath(string directory, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var separator = directory.Contains('\\', StringComparison.Ordinal) && !directory.Contains('/', StringComparison.Ordinal) ? '\\' : '/';
        return directory.TrimEnd('/', '\\') + separator + BackupRetention.FolderName(at) + ".bak";
    }

    /// <summary><c>BACKUP DATABASE [name] TO DISK = N'file' WITH COPY_ONLY, CHECKSUM, INIT, NAME = N'…'</c>.</summary>
    public static string Backup(string databaseName, string file)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databaseName);
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        var name = Path.GetFileNameWithoutExtension(file.Replace('\\', '/'));
        return $"BACKUP DATABASE {Identifier(databaseName)} TO DISK = {Literal(file)} WITH COPY_ONLY, CHECKSUM, INIT, NAME = {Literal(name)};";
    }

    /// <summary><c>RESTORE VERIFYONLY FROM DISK = N'file' WITH CHECKSUM</c>: the file is readable and its pages' checksums hold.</summary>
    public static string Verify(string file)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        return $"RESTORE VERIFYONLY FROM DISK = {Literal(file)} WITH CHECKSUM;";
    }

    /// <summary>A bracketed identifier; <c>]</c> is doubled.</summary>
    internal static string Identifier(string name) => "[" + name.Replace("]", "]]", StringComparison.Ordinal) + "]";

    /// <summary>A Unicode string literal; <c>'</c> is doubled.</summary>
    internal static string Literal(string text) => "N'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
