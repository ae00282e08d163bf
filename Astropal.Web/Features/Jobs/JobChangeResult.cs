namespace Astropal.Web.Features.Jobs;

/// <summary>What a pause, resume or run-now did: <see cref="Succeeded"/> false means bad input and nothing changed.</summary>
public sealed record JobChangeResult(bool Succeeded, string Message)
{
    public static JobChangeResult Ok(string message) => new(true, message);

    public static JobChangeResult Failed(string message) => new(false, message);
}
