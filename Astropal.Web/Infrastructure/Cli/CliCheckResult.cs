namespace Astropal.Web.Infrastructure.Cli;

/// <summary>The outcome of a parse-only check of a command line: accepted, or the reason it is not.</summary>
public sealed record CliCheckResult(bool Accepted, string? Problem)
{
    public static CliCheckResult Ok { get; } = new(true, null);

    public static CliCheckResult Rejected(string problem) => new(false, problem);
}
