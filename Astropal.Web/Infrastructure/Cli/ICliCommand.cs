namespace Astropal.Web.Infrastructure.Cli;

/// <summary>
/// A command of the Web executable (<c>Astropal.Web migrate</c>, <c>Astropal.Web sky ...</c>).
/// Commands are registered in DI and receive their dependencies through the constructor.
/// </summary>
public interface ICliCommand
{
    /// <summary>The verb typed on the command line, e.g. <c>migrate</c>.</summary>
    string Name { get; }

    /// <summary>Synopsis printed in the usage text, e.g. <c>migrate</c> or <c>create-operator --email E --role Admin|Operator</c>.</summary>
    string Synopsis { get; }

    /// <summary>One sentence saying what the command does.</summary>
    string Description { get; }

    /// <summary>True when the command takes a word after the verb (<c>preview daily ...</c>); see <see cref="CliArguments.Subcommand"/>.</summary>
    bool AcceptsSubcommand => false;

    /// <summary>Runs the command and returns the process exit code (0 success, 1 failure, 2 usage).</summary>
    /// <exception cref="CliUsageException">Thrown for bad arguments; the host prints usage and exits with 2.</exception>
    Task<int> RunAsync(CliArguments arguments, CliConsole console, CancellationToken cancellationToken);
}
