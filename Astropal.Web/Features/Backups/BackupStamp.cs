using System.Globalization;
using Astropal.Core.Storage;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Backups;

/// <summary>
/// When the last backup (nightly or <c>backup</c>, wherever it was written) finished: one line in
/// <c>&lt;DataDirectory&gt;/backups/last-backup.txt</c>, the time (ISO 8601, UTC) then the folder or file. The
/// readiness check and the <c>astropal.backup.age</c> gauge read it.
/// </summary>
public sealed class BackupStamp(IOptions<StorageOptions> storage, TimeProvider clock)
{
    public const string FolderName = "backups";

    public const string FileName = "last-backup.txt";

    /// <summary>The folder of the nightly backups, <c>&lt;DataDirectory&gt;/backups</c>.</summary>
    public string DefaultFolder => Path.Combine(storage.Value.DataDirectory, FolderName);

    private string StampPath => Path.Combine(DefaultFolder, FileName);

    public async Task WriteAsync(DateTimeOffset at, string location, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(DefaultFolder);
        var temporary = StampPath + ".tmp";
        await File.WriteAllTextAsync(temporary, $"{at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)} {location}\n", cancellationToken);
        File.Move(temporary, StampPath, overwrite: true);
    }

    /// <summary>The last backup's time and location, or null when there has been none (or the stamp is unreadable).</summary>
    public (DateTimeOffset At, string Location)? Read()
    {
        try
        {
            var line = File.Exists(StampPath) ? File.ReadAllText(StampPath).Trim() : "";
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var time = space < 0 ? line : line[..space];
            return DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
                ? (at, space < 0 ? "" : line[(space + 1)..])
                : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>How long ago the last backup finished, or null when there has been none.</summary>
    public TimeSpan? Age() => Read() is { } last ? clock.GetUtcNow() - last.At : null;
}
