using Astropal.Web.Features.Operators;
using Astropal.Web.Infrastructure.Identity;

namespace Astropal.Web.Infrastructure.Cli;

/// <summary>
/// Creates a console operator. The password is read from standard input when it is redirected
/// (first line); otherwise one is generated and printed once.
/// </summary>
internal sealed class CreateOperatorCommand(OperatorAccounts accounts) : ICliCommand
{
    public string Name => "create-operator";

    public string Synopsis => "create-operator --email E --role Admin|Operator";

    public string Description => "Creates a console operator; password from standard input, or generated and printed once.";

    public async Task<int> RunAsync(CliArguments arguments, CliConsole console, CancellationToken cancellationToken)
    {
        var email = arguments.Required("email");
        var role = arguments.Required("role");
        arguments.EnsureAllUsed();

        if (!OperatorRoles.All.Contains(role, StringComparer.OrdinalIgnoreCase))
        {
            throw new CliUsageException($"Option --role must be {string.Join(" or ", OperatorRoles.All)} (got '{role}').");
        }

        string? password = null;
        if (console.InputRedirected)
        {
            var line = await console.In.ReadLineAsync(cancellationToken);
            password = string.IsNullOrEmpty(line) ? null : line;
        }

        var result = await accounts.CreateAsync(email, role, password, actor: "cli", cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                await console.Error.WriteLineAsync(error);
            }

            return 1;
        }

        await console.Out.WriteLineAsync($"Created operator {email.Trim()} with role {OperatorRoles.All.First(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase))}.");
        if (result.GeneratedPassword is not null)
        {
            await console.Out.WriteLineAsync($"Password (shown once, store it now): {result.GeneratedPassword}");
        }

        return 0;
    }
}
