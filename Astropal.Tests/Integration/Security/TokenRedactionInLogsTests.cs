using Astropal.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Astropal.Tests.Integration.Security;

/// <summary>Real requests to token-bearing addresses, through the app's own logging: no token reaches a log line, value or scope.</summary>
public sealed class TokenRedactionInLogsTests
{
    public static TheoryData<string, string> TokenAddresses() => new()
    {
        { "/u/SeCrEtUnsub0001", "SeCrEtUnsub0001" },
        { "/t/o/SeCrEtOpen0002", "SeCrEtOpen0002" },
        { "/t/c/SeCrEtClick0003", "SeCrEtClick0003" },
        { "/me?t=SeCrEtPortal0004", "SeCrEtPortal0004" },
        { "/me/perspective/calm?t=SeCrEtSwitch0005", "SeCrEtSwitch0005" },
        { "/start/confirm?t=SeCrEtConfirm0006", "SeCrEtConfirm0006" },
        { "/me/link?reason=expired&t=SeCrEtSecond0007", "SeCrEtSecond0007" },
    };

    [Theory]
    [MemberData(nameof(TokenAddresses))]
    public async Task Request_logs_and_their_scopes_show_the_address_with_the_token_replaced(string address, string token)
    {
        var logs = new ScopeCapturingLogs();
        await using var app = new AstropalAppFactory
        {
            Settings = new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Information",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information",
            },
            TestServices = s => s.AddSingleton<ILoggerProvider>(logs),
        };
        using var client = app.CreateNonRedirectingClient();

        using var response = await client.GetAsync(new Uri(address, UriKind.Relative));
        await WaitForRequestFinishedAsync(logs);

        var entries = logs.Entries.Select(e => e.Text).ToList();
        Assert.Contains(entries, e => e.Contains("Request starting", StringComparison.Ordinal) && e.Contains(LogRedactionMask(address), StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Contains("RequestPath=", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Contains(token, StringComparison.Ordinal));
    }

    private static string LogRedactionMask(string address)
    {
        var query = address.IndexOf("t=", StringComparison.Ordinal);
        return query >= 0 ? address[..(query + 2)] + "***" : address[..(address.LastIndexOf('/') + 1)] + "***";
    }

    // "Request finished" is written after the response reaches the client: wait for it, not for time.
    private static async Task WaitForRequestFinishedAsync(ScopeCapturingLogs logs)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!logs.Entries.Any(e => e.Text.Contains("Request finished", StringComparison.Ordinal)))
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
