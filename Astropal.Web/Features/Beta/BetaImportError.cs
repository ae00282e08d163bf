namespace Astropal.Web.Features.Beta;

/// <summary>
/// Why a file was refused: the entry's index (from 0; null for a problem with the file as a whole),
/// the field (<c>email</c>, <c>perspective</c>, <c>focusAreas</c>, <c>locale</c>, <c>name</c>) and a message.
/// </summary>
public sealed record BetaImportError(int? Index, string? Field, string Message)
{
    public override string ToString() =>
        Index is null ? Message : $"Entry {Index} ({Field}): {Message}";
}
