using Astropal.Web.Features.Audit;
using Astropal.Web.Infrastructure.Cli;

namespace Astropal.Web.Features.OperatorApi;

/// <summary><c>create-api-key --email OPERATOR --name NAME</c>: creates an operator API key and prints it once.</summary>
internal sealed class CreateApiKeyCommand(OperatorApiKeys keys) : ICliCommand
{
    public string Name => "create-api-key";

    public string Synopsis => "create-api-key --email OPERATOR --name NAME";

    public string Description => "Creates an operator API key (Authorization: Bearer KEY) and prints it once; only its hash is stored.";

    public async Task<int> RunAsync(CliArguments arguments, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(console);
        var email = arguments.Required("email");
        var name = arguments.Required("name");
        arguments.EnsureAllUsed();

        var (created, error) = await keys.CreateAsync(email, name, AuditLog.CommandLineActor, cancellationToken);
        if (created is null)
        {
            await console.Error.WriteLineAsync(error);
            return 1;
        }

        await console.Out.WriteLineAsync($"Created API key '{created.Record.Name}' for {email.Trim()} ({created.Record.Prefix}…).");
        await console.Out.WriteLineAsync($"Key (shown once, store it now): {created.Key}");
        return 0;
    }
}
