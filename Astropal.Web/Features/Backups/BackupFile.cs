namespace Astropal.Web.Features.Backups;

/// <summary>One file of a backup: its path, size in bytes and what the check found (<c>ok</c>, or the problem).</summary>
public sealed record BackupFile(string Path, long Size, string Check);
