using System.ComponentModel.DataAnnotations;

namespace Astropal.Core.Storage;

/// <summary>Settings of the <c>Storage</c> section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>
    /// Folder for the SQLite files and every other file the app writes (outbox, exports, backups).
    /// Relative paths are taken from the content root; the host makes it absolute at startup.
    /// </summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Storage:DataDirectory must name a folder.")]
    public string DataDirectory { get; set; } = "App_Data";

    /// <summary>A path under the data directory; the folder is created if missing.</summary>
    public string Folder(string name)
    {
        var path = Path.Combine(DataDirectory, name);
        Directory.CreateDirectory(path);
        return path;
    }
}
