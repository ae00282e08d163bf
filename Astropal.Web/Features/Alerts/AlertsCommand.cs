using Astropal.Web.Features.Audit;
using Astropal.Web.Infrastructure.Cli;

namespace Astropal.Web.Features.Alerts;

/// <summary>
/// <c>alerts test --channel NAME</c>: sends a test alert to one configured channel and prints "sent to NAME (Type)";
/// exit 1 with the channel's reason when it fails, or with the configured names when there is no such channel.
/// </summary>
internal sealed class AlertsCommand(AlertChannelTester tester) : ICliCommand
{
    public string Name => "alerts";

    public string Synopsis => "alerts test --channel NAME";

    public string Description => "Sends a test alert (state \"test\") to one channel of Alerts:Channels; exit 1 with the reason when the channel fails.";

    public bool AcceptsSubcommand => true;

    public async Task<int> RunAsync(CliArguments arguments, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(console);
        switch (arguments.Subcommand)
        {
            case "test":
            {
                var channel = arguments.Required("channel");
                arguments.EnsureAllUsed();
                var result = await tester.SendTestAsync(channel, AuditLog.CommandLineActor, cancellationToken);
                if (result.Succeeded)
                {
                    await console.Out.WriteLineAsync($"sent to {result.Channel} ({result.Type})");
                    return 0;
                }

                await console.Error.WriteLineAsync(result.UnknownChannel
                    ? result.Error
                    : $"failed to send to {result.Channel} ({result.Type}): {result.Error}");
                return 1;
            }

            case null:
                throw new CliUsageException("Say what to do: alerts test --channel NAME.");
            default:
                throw new CliUsageException($"Unknown alerts command '{arguments.Subcommand}'; use test.");
        }
    }
}
