using System.Text.Json;

namespace Astropal.Web.Features.Beta;

/// <summary>
/// Reads a beta file: a JSON array of objects in the <c>BETA_USERS</c> shape. A value of the wrong JSON
/// type is refused with its index and field; fields the shape does not have are ignored.
/// </summary>
public static class BetaFile
{
    /// <summary>Larger files are refused before parsing (a beta list is a few hundred entries at most).</summary>
    public const int MaxBytes = 1024 * 1024;

    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static async Task<(IReadOnlyList<BetaUserEntry>? Entries, BetaImportError? Error)> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return (null, new BetaImportError(null, null, $"The file is larger than {MaxBytes / 1024} KB."));
            }

            buffer.Write(chunk, 0, read);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(buffer.ToArray(), Options);
        }
        catch (JsonException e)
        {
            return (null, new BetaImportError(null, null, $"The file is not valid JSON: {e.Message}"));
        }

        using (document)
        {
            return Read(document.RootElement);
        }
    }

    public static (IReadOnlyList<BetaUserEntry>? Entries, BetaImportError? Error) Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            return (null, new BetaImportError(null, null, "The file must be a JSON array of entries ([{\"email\": …, \"perspective\": …, \"focusAreas\": […], \"locale\": …}])."));
        }

        var entries = new List<BetaUserEntry>();
        var index = 0;
        foreach (var item in root.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                return (null, new BetaImportError(index, null, "The entry must be an object with email, perspective, focusAreas and locale."));
            }

            BetaImportError? error = null;
            string? Text(string field)
            {
                if (!TryGet(item, field, out var value) || value.ValueKind == JsonValueKind.Null)
                {
                    return null;
                }

                if (value.ValueKind != JsonValueKind.String)
                {
                    error ??= new BetaImportError(index, field, $"The {field} must be a string.");
                    return null;
                }

                return value.GetString();
            }

            var email = Text("email");
            var perspective = Text("perspective");
            var locale = Text("locale");
            var name = Text("name");
            List<string>? focusAreas = null;
            if (TryGet(item, "focusAreas", out var focus) && focus.ValueKind != JsonValueKind.Null)
            {
                if (focus.ValueKind != JsonValueKind.Array || focus.EnumerateArray().Any(f => f.ValueKind != JsonValueKind.String))
                {
                    error ??= new BetaImportError(index, "focusAreas", "The focusAreas must be an array of focus area names.");
                }
                else
                {
                    focusAreas = [.. focus.EnumerateArray().Select(f => f.GetString()!)];
                }
            }

            if (error is not null)
            {
                return (null, error);
            }

            entries.Add(new BetaUserEntry(email, perspective, focusAreas, locale, name));
            index++;
        }

        return (entries, null);
    }

    private static bool TryGet(JsonElement item, string field, out JsonElement value)
    {
        foreach (var property in item.EnumerateObject())
        {
            if (string.Equals(property.Name, field, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }
}
