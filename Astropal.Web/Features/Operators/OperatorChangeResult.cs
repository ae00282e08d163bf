namespace Astropal.Web.Features.Operators;

/// <summary>The outcome of a change to an operator account: done, or why not (and nothing changed).</summary>
public sealed record OperatorChangeResult(bool Succeeded, string? Error)
{
    public static OperatorChangeResult Done { get; } = new(true, null);

    public static OperatorChangeResult Failed(string error) => new(false, error);
}
