using Astropal.Data;

namespace Astropal.Web.Infrastructure.Cli;

/// <summary>Applies pending migrations; the only way the SQL Server schema changes.</summary>
internal sealed class MigrateCommand(AstropalDbContext db) : ICliCommand
{
    public string Name => "migrate";

    public string Synopsis => "migrate";

    public string Description => "Applies pending database migrations (SQLite or SQL Server, per Database:Provider).";

    public async Task<int> RunAsync(CliArguments arguments, CliConsole console, CancellationToken cancellationToken)
    {
        arguments.EnsureAllUsed();
        var provider = db.Database.ProviderName?.Split('.').Last() ?? "unknown";
        try
        {
            var applied = await DatabaseMigrator.MigrateAsync(db, cancellationToken);
            if (applied.Count == 0)
            {
                await console.Out.WriteLineAsync($"{provider}: the database is up to date.");
            }
            else
            {
                await console.Out.WriteLineAsync($"{provider}: applied {applied.Count} migration(s):");
                foreach (var name in applied)
                {
                    await console.Out.WriteLineAsync("  " + name);
                }
            }

            return 0;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await console.Error.WriteLineAsync($"{provider}: migration failed: {e.Message}");
            return 1;
        }
    }
}
