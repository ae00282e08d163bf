namespace Astropal.Web.Features.Alerts;

/// <summary>How an operator's action on an episode ended: done, no such episode, or refused with a reason (nothing changed).</summary>
public sealed record AlertActionOutcome(bool Found, string? Error)
{
    public static AlertActionOutcome Done { get; } = new(true, null);

    public static AlertActionOutcome NotFound { get; } = new(false, "There is no alert episode with that id.");

    public bool Succeeded => Found && Error is null;

    public static AlertActionOutcome Refused(string reason) => new(true, reason);
}
