using System.Globalization;

namespace Astropal.Web.Features.Backups;

/// <summary>
/// Which backup folders the nightly job keeps. A folder <c>astropal-backup-yyyyMMddTHHmmssZ</c> is kept when it is
/// the newest backup of one of the <c>KeepDaily</c> most recent UTC days that have a backup, or the newest of one of
/// the <c>KeepWeekly</c> most recent ISO weeks (Monday to Sunday, UTC) that have a backup; every other such folder is
/// deleted. Counting days and weeks "that have a backup" (not calendar days back from today) means backups that
/// stopped for a while are never all pruned away: the last good ones stay until newer ones replace them.
/// </summary>
public static class BackupRetention
{
    public const string Prefix = "astropal-backup-";

    private const string TimeFormat = "yyyyMMdd'T'HHmmss'Z'";

    /// <summary>The folder name of a backup taken at <paramref name="at"/>.</summary>
    public static string FolderName(DateTimeOffset at) => Prefix + at.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    /// <summary>The time in a backup folder's name (a <c>-2</c> suffix for a second backup in the same second is allowed), or null.</summary>
    public static DateTimeOffset? TimeOf(string folderName)
    {
        ArgumentNullException.ThrowIfNull(folderName);
        if (!folderName.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var stamp = folderName[Prefix.Length..];
        var dash = stamp.IndexOf('-', StringComparison.Ordinal);
        if (dash >= 0)
        {
            stamp = stamp[..dash];
        }

        return DateTime.TryParseExact(stamp, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
            ? new DateTimeOffset(at, TimeSpan.Zero)
            : null;
    }

    /// <summary>The folder names to delete among <paramref name="folderNames"/>; names that are not backups are never chosen.</summary>
    public static IReadOnlyList<string> ToDelete(IEnumerable<string> folderNames, int keepDaily, int keepWeekly)
    {
        ArgumentNullException.ThrowIfNull(folderNames);
        var backups = folderNames
            .Select(name => (Name: name, At: TimeOf(name)))
            .Where(b => b.At is not null)
            .Select(b => (b.Name, At: b.At!.Value))
            .OrderByDescending(b => b.At)
            .ThenByDescending(b => b.Name, StringComparer.Ordinal)
            .ToList();

        var keep = new HashSet<string>(StringComparer.Ordinal);
        foreach (var day in backups.GroupBy(b => DateOnly.FromDateTime(b.At.UtcDateTime)).Take(keepDaily))
        {
            keep.Add(day.First().Name);
        }

        foreach (var week in backups.GroupBy(b => (ISOWeek.GetYear(b.At.UtcDateTime), ISOWeek.GetWeekOfYear(b.At.UtcDateTime))).Take(keepWeekly))
        {
            keep.Add(week.First().Name);
        }

        return backups.Where(b => !keep.Contains(b.Name)).Select(b => b.Name).ToList();
    }
}
