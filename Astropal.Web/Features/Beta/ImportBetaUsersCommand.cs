using System.Globalization;
using Astropal.Web.Features.Audit;
using Astropal.Web.Infrastructure.Cli;

namespace Astropal.Web.Features.Beta;

/// <summary>
/// <c>import-beta-users --file F [--dry-run]</c>: invites the readers of a beta file (see <see cref="BetaImport"/>).
/// Exit 0 when the file is valid and every due invitation went out (a second run of the same file sends nothing
/// and exits 0), 1 when the file is refused (index, field and message on standard error) or an email could not be sent.
/// </summary>
internal sealed class ImportBetaUsersCommand(BetaImport import) : ICliCommand
{
    public string Name => "import-beta-users";

    public string Synopsis => "import-beta-users --file F [--dry-run]";

    public string Description => "Invites the beta users of a JSON file (BETA_USERS shape); --dry-run only says what would happen.";

    public async Task<int> RunAsync(CliArguments arguments, CliConsole console, CancellationToken cancellationToken)
    {
        var path = arguments.Required("file");
        var dryRun = arguments.Flag("dry-run");
        arguments.EnsureAllUsed();

        if (!File.Exists(path))
        {
            await console.Error.WriteLineAsync($"No such file: {path}");
            return 1;
        }

        BetaImportResult result;
        await using (var file = File.OpenRead(path))
        {
            result = await import.ImportAsync(file, Path.GetFileName(path), dryRun, AuditLog.CommandLineActor, cancellationToken);
        }

        if (result.Error is { } error)
        {
            await console.Error.WriteLineAsync(error.Index is null
                ? $"The file was refused: {error.Message}"
                : string.Create(CultureInfo.InvariantCulture, $"Entry {error.Index}, field {error.Field}: {error.Message}"));
            await console.Error.WriteLineAsync("Nothing was stored or sent.");
            return 1;
        }

        foreach (var line in result.Entries)
        {
            var detail = line.Detail is null ? "" : " " + line.Detail;
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{line.Index,3}  {line.Email}  {BetaImportResult.Describe(line.Outcome)}{detail}"));
        }

        await console.Out.WriteLineAsync(dryRun
            ? $"Dry run, nothing stored or sent: {result.Summary()}."
            : $"Imported: {result.Summary()}.");
        return result.Succeeded ? 0 : 1;
    }
}
