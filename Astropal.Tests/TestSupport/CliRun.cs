using Astropal.Web.Infrastructure.Cli;

namespace Astropal.Tests.TestSupport;

public sealed record CliResult(int ExitCode, string Out, string Error);

public static class CliRun
{
    /// <summary>Runs a command line against the app's services, as the executable would.</summary>
    public static async Task<CliResult> RunAsync(IServiceProvider services, string? standardInput, params string[] args)
    {
        var invocation = CliInvocation.Parse(args);
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var input = new StringReader(standardInput ?? "");
        var exit = await CliHost.RunCliAsync(services, invocation, new CliConsole(input, output, error, standardInput is not null));
        return new CliResult(exit, output.ToString(), error.ToString());
    }
}
