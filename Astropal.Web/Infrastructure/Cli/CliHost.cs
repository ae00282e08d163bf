using Microsoft.Extensions.Options;

namespace Astropal.Web.Infrastructure.Cli;

public static class CliHost
{
    public static IHostApplicationBuilder AddAstropalCli(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ICliCommand, MigrateCommand>();
        builder.Services.AddScoped<ICliCommand, CreateOperatorCommand>();
        builder.Services.AddScoped<ICliCommand, VerifySecretsCommand>();
        builder.Services.AddScoped<ICliCommand, Features.Email.SendTestEmailCommand>();
        return builder;
    }

    public static Task<int> RunCliAsync(this WebApplication app, CliInvocation invocation) =>
        RunCliAsync(app.Services, invocation, CliConsole.System);

    /// <summary>Runs one command: 0 success, 1 failure, 2 unknown command or bad arguments.</summary>
    public static async Task<int> RunCliAsync(IServiceProvider services, CliInvocation invocation, CliConsole console)
    {
        using var cancellation = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            await using var scope = services.CreateAsyncScope();
            var commands = scope.ServiceProvider.GetServices<ICliCommand>().OrderBy(c => c.Name, StringComparer.Ordinal).ToList();

            if (invocation.Command == CliInvocation.HelpCommand)
            {
                await console.Out.WriteAsync(Usage(commands));
                return 0;
            }

            var command = commands.FirstOrDefault(c => c.Name == invocation.Command);
            if (command is null)
            {
                await console.Error.WriteLineAsync($"Unknown command '{invocation.Command}'.");
                await console.Error.WriteAsync(Usage(commands));
                return 2;
            }

            try
            {
                services.GetRequiredService<IStartupValidator>().Validate();
            }
            catch (OptionsValidationException e)
            {
                await console.Error.WriteLineAsync("Configuration is invalid:");
                foreach (var failure in e.Failures)
                {
                    await console.Error.WriteLineAsync("  " + failure);
                }

                return 1;
            }

            try
            {
                var arguments = CliArguments.Parse(invocation.CommandArguments, command.AcceptsSubcommand);
                return await command.RunAsync(arguments, console, cancellation.Token);
            }
            catch (CliUsageException e)
            {
                await console.Error.WriteLineAsync(e.Message);
                await console.Error.WriteLineAsync($"Usage: Astropal.Web {command.Synopsis}");
                return 2;
            }
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>
    /// Checks a command line (the words after the executable) the way <see cref="RunCliAsync(IServiceProvider, CliInvocation, CliConsole)"/>
    /// would read it, without running anything: the command exists and accepts the options and words given (names,
    /// required options, values parsed before the command acts). Used by the runbooks test on every quoted command.
    /// </summary>
    public static async Task<CliCheckResult> CheckAsync(IServiceProvider services, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        var invocation = CliInvocation.Parse([.. args]);
        if (invocation.Command is null)
        {
            return CliCheckResult.Rejected("No command: these arguments would start the web site.");
        }

        await using var scope = services.CreateAsyncScope();
        var commands = scope.ServiceProvider.GetServices<ICliCommand>().ToList();
        if (invocation.Command == CliInvocation.HelpCommand)
        {
            return CliCheckResult.Ok;
        }

        var command = commands.FirstOrDefault(c => c.Name == invocation.Command);
        if (command is null)
        {
            return CliCheckResult.Rejected(
                $"Unknown command '{invocation.Command}' (commands: {string.Join(", ", commands.Select(c => c.Name).Order(StringComparer.Ordinal))}).");
        }

        var silent = new CliConsole(TextReader.Null, TextWriter.Null, TextWriter.Null, InputRedirected: false);
        try
        {
            var arguments = CliArguments.ParseOnly(invocation.CommandArguments, command.AcceptsSubcommand);
            await command.RunAsync(arguments, silent, cancellationToken);
            return CliCheckResult.Rejected($"'{command.Name}' ran to the end without checking its arguments (it must call EnsureAllUsed before acting).");
        }
        catch (CliArgumentsAcceptedException)
        {
            return CliCheckResult.Ok;
        }
        catch (CliUsageException e)
        {
            return CliCheckResult.Rejected($"{e.Message} Usage: {command.Synopsis}");
        }
    }

    public static string Usage(IEnumerable<ICliCommand> commands)
    {
        var list = commands.ToList();
        var width = list.Max(c => c.Synopsis.Length);
        var lines = list.Select(c => $"  {c.Synopsis.PadRight(width)}  {c.Description}");
        return $"""
            Usage: Astropal.Web [command] [options]

            With no command the web site runs (host options such as --urls pass through).

            Commands:
            {string.Join(Environment.NewLine, lines)}
              help{new string(' ', Math.Max(0, width - 4))}  Prints this text.

            """;
    }
}
