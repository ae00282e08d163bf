using System.ComponentModel.DataAnnotations;

namespace Astropal.Web.Features.Backups;

/// <summary>Settings of the <c>Backups</c> section (docs/backups.md).</summary>
public sealed class BackupOptions
{
    public const string SectionName = "Backups";

    /// <summary>Nightly backups kept: the newest of each of the most recent days that have one.</summary>
    [Range(1, 366, ErrorMessage = "Backups:KeepDaily must be between 1 and 366.")]
    public int KeepDaily { get; set; } = 7;

    /// <summary>Weekly backups kept: the newest of each of the most recent ISO weeks (Monday to Sunday, UTC) that have one.</summary>
    [Range(0, 520, ErrorMessage = "Backups:KeepWeekly must be between 0 and 520.")]
    public int KeepWeekly { get; set; } = 4;

    /// <summary>
    /// SQL Server only: the folder <em>on the database server</em> where <c>backup</c> and the nightly job write
    /// <c>BACKUP DATABASE … WITH COPY_ONLY</c> files. Unset: the app takes no SQL Server backups (a managed service's
    /// automated backups and point-in-time restore do it; docs/backups.md).
    /// </summary>
    [MaxLength(400, ErrorMessage = "Backups:SqlServerDirectory is at most 400 characters.")]
    public string? SqlServerDirectory { get; set; }
}
