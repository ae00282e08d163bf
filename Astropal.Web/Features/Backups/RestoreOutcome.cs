namespace Astropal.Web.Features.Backups;

/// <summary>What <c>restore</c> did, line by line for the operator, or why it refused (nothing changed then, unless said).</summary>
public sealed record RestoreOutcome(bool Succeeded, IReadOnlyList<string> Lines, string? Error)
{
    public static RestoreOutcome Refused(string error, IReadOnlyList<string>? lines = null) => new(false, lines ?? [], error);
}
