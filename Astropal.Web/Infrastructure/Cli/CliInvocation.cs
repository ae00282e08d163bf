namespace Astropal.Web.Infrastructure.Cli;

/// <summary>
/// How the executable was started: with no verb it serves the site (host arguments such as
/// <c>--urls</c> pass through); with a verb it runs that command and exits.
/// </summary>
public sealed record CliInvocation(string? Command, IReadOnlyList<string> CommandArguments, string[] HostArguments)
{
    public const string HelpCommand = "help";

    public static CliInvocation Parse(string[] args)
    {
        if (args.Length == 0)
        {
            return new CliInvocation(null, [], args);
        }

        if (args[0] is "--help" or "-h" or "-?" or HelpCommand)
        {
            return new CliInvocation(HelpCommand, [], QuietHost);
        }

        return args[0].StartsWith('-')
            ? new CliInvocation(null, [], args)
            : new CliInvocation(args[0], args[1..], QuietHost);
    }

    // Commands print their own output on stdout; the host logs only warnings, on stderr.
    private static string[] QuietHost =>
    [
        "--Logging:LogLevel:Default=Warning",
        "--Logging:LogLevel:Microsoft.EntityFrameworkCore=Warning",
        "--Logging:Console:LogToStandardErrorThreshold=Trace",
    ];
}
