namespace Astropal.Web.Features.Backups;

/// <summary>What a backup produced: its folder (or SQL Server file) and each file with its size, or why it failed.</summary>
public sealed record BackupOutcome(bool Succeeded, string Location, IReadOnlyList<BackupFile> Files, string? Error)
{
    public static BackupOutcome Failed(string location, string error, IReadOnlyList<BackupFile>? files = null) =>
        new(false, location, files ?? [], error);
}
