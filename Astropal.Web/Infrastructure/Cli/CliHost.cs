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
