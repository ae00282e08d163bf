using Astropal.Web.Features.Audit;
using Astropal.Web.Infrastructure.Cli;

namespace Astropal.Web.Features.Backups;

/// <summary><c>backup [--out DIR]</c>: an online, checked copy of the database (and the Quartz store), safe while the app runs.</summary>
internal sealed class BackupCommand(DatabaseBackup backup, AuditLog audit) : ICliCommand
{
    public string Name => "backup";

    public string Synopsis => "backup [--out DIR]";

    public string Description => "Copies the database and the Quartz store online into a new checked folder (default <DataDirectory>/backups); SQL Server: BACKUP DATABASE … COPY_ONLY.";

    public async Task<int> RunAsync(CliArguments arguments, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(console);
        var output = arguments.Optional("out");
        arguments.EnsureAllUsed();

        var parent = output is null ? null : Path.GetFullPath(output);
        var outcome = await backup.CreateAsync(parent, cancellationToken);
        foreach (var file in outcome.Files)
        {
            await console.Out.WriteLineAsync($"  {file.Path}  {Size(file.Size)}  {file.Check}");
        }

        if (!outcome.Succeeded)
        {
            await console.Error.WriteLineAsync($"Backup FAILED: {outcome.Error}");
            return 1;
        }

        await console.Out.WriteLineAsync($"Backup written to {outcome.Location} and checked (integrity_check ok, tables present).");
        try
        {
            await audit.RecordAsync(AuditLog.CommandLineActor, "database.backed-up", outcome.Location, $"{outcome.Files.Count} file(s), {outcome.Files.Sum(f => f.Size)} bytes", cancellationToken);
        }
        catch (Exception e) when (e is Microsoft.EntityFrameworkCore.DbUpdateException or System.Data.Common.DbException)
        {
            // The copy is made and checked; a database that cannot take one more row (full disk) is why backups exist.
            await console.Error.WriteLineAsync($"Warning: the backup is good but its audit entry could not be written: {e.GetBaseException().Message}");
        }

        return 0;
    }

    private static string Size(long bytes) => bytes switch
    {
        0 => "(on the database server)",
        < 1024 * 1024 => FormattableString.Invariant($"{bytes / 1024.0:0.0} KiB ({bytes} bytes)"),
        _ => FormattableString.Invariant($"{bytes / 1024.0 / 1024.0:0.0} MiB ({bytes} bytes)"),
    };
}
