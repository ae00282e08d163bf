using Astropal.Web.Features.Audit;
using Astropal.Web.Infrastructure.Cli;

namespace Astropal.Web.Features.Backups;

/// <summary><c>restore --file F</c>: replaces the stopped app's SQLite database with a backup, keeping the current one, and leaves every job paused.</summary>
internal sealed class RestoreCommand(DatabaseRestore restore) : ICliCommand
{
    public string Name => "restore";

    public string Synopsis => "restore --file F";

    public string Description => "Restores the SQLite database from a backup file while the app is stopped; keeps the current one as pre-restore-<time>, migrates, pauses all jobs.";

    public async Task<int> RunAsync(CliArguments arguments, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(console);
        var file = arguments.Required("file");
        arguments.EnsureAllUsed();

        var outcome = await restore.RestoreAsync(file, AuditLog.CommandLineActor, cancellationToken);
        foreach (var line in outcome.Lines)
        {
            await console.Out.WriteLineAsync(line);
        }

        if (!outcome.Succeeded)
        {
            await console.Error.WriteLineAsync($"Restore FAILED: {outcome.Error}");
            return 1;
        }

        return 0;
    }
}
