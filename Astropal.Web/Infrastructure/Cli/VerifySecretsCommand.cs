using Astropal.Web.Infrastructure.Secrets;

namespace Astropal.Web.Infrastructure.Cli;

/// <summary>
/// Lists every secret an environment needs as present or missing, never printing a value.
/// Reads the configuration that environment would see: appsettings.json,
/// appsettings.{Environment}.json and environment variables.
/// </summary>
internal sealed class VerifySecretsCommand(IHostEnvironment host) : ICliCommand
{
    public string Name => "verify-secrets";

    public string Synopsis => "verify-secrets --environment NAME";

    public string Description => "Lists the secrets an environment needs as present/missing; exit 1 when a required one is missing.";

    public async Task<int> RunAsync(CliArguments arguments, CliConsole console, CancellationToken cancellationToken)
    {
        var environment = arguments.Required("environment");
        arguments.EnsureAllUsed();

        var configuration = new ConfigurationBuilder()
            .SetBasePath(host.ContentRootPath)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .Build();

        var rows = SecretCatalog.For(configuration)
            .Select(s => (s.Key, s.Purpose, Present: !string.IsNullOrWhiteSpace(configuration[s.Key]), Required: s.IsRequired(environment, configuration)))
            .ToList();
        var width = rows.Max(r => r.Key.Length);

        await console.Out.WriteLineAsync($"Secrets for environment {environment}:");
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var state = row.Present ? "present" : row.Required ? "MISSING" : "missing";
            var need = row.Required ? "required" : "optional";
            await console.Out.WriteLineAsync($"  {state,-8} {need,-9} {row.Key.PadRight(width)}  {row.Purpose}");
        }

        var missing = rows.Count(r => r.Required && !r.Present);
        await console.Out.WriteLineAsync(missing == 0
            ? "All required secrets are present."
            : $"{missing} required secret(s) missing.");
        return missing == 0 ? 0 : 1;
    }
}
