using System.Globalization;
using Astropal.Data;
using Astropal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmtpServer.Protocol;

namespace Astropal.Tests.Integration.Email;

public sealed class SendTestEmailCommandTests : IAsyncLifetime
{
    private InProcessSmtpServer smtp = default!;
    private AstropalAppFactory app = default!;

    public async Task InitializeAsync()
    {
        smtp = await InProcessSmtpServer.StartAsync();
        app = AstropalAppFactory.WithSettings(new Dictionary<string, string?>
        {
            ["Email:Transport"] = "Smtp",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
        });
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task A_welcome_email_is_sent_through_the_relay_and_its_answer_printed()
    {
        var result = await CliRun.RunAsync(app.Services, null, "send-test-email", "--to", "ada@example.com", "--kind", "welcome");

        Assert.True(result.ExitCode == 0, result.Error);
        var received = Assert.Single(await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(30)));
        Assert.Equal("ada@example.com", received.Message.To.Mailboxes.Single().Address);
        Assert.Contains("Accepted by Smtp: ", result.Out, StringComparison.Ordinal);
        Assert.Contains("Message-ID: <" + received.Message.MessageId + ">", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Accepted by Smtp: (no reply text)", result.Out, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AstropalDbContext>>().CreateDbContextAsync();
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "email.test-sent");
        Assert.Equal(("cli", "ada@example.com"), (entry.Actor, entry.Target));
        Assert.StartsWith("welcome through Smtp: accepted ", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_default_kind_is_the_morning_email_with_inert_links()
    {
        var result = await CliRun.RunAsync(app.Services, null, "send-test-email", "--to", "ada@example.com");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("Sending the daily email", result.Out, StringComparison.Ordinal);
        var received = Assert.Single(await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(30)));
        var html = System.Net.WebUtility.HtmlDecode(received.Message.HtmlBody);
        Assert.Contains("/me?t=preview", html, StringComparison.Ordinal);
        Assert.DoesNotContain("?t=CfDJ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refusal_by_the_relay_exits_1_with_its_reason()
    {
        smtp.RejectRecipient = _ => new SmtpResponse((SmtpReplyCode)554, "5.7.1 domain not verified");

        var result = await CliRun.RunAsync(app.Services, null, "send-test-email", "--to", "ada@example.com", "--kind", "sign-in");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Refused by Smtp (SMTP 554)", result.Error, StringComparison.Ordinal);
        Assert.Contains("domain not verified", result.Error, StringComparison.Ordinal);
        Assert.Empty(smtp.Received);
    }

    [Theory]
    [InlineData(new[] { "send-test-email" }, "Option --to is required.")]
    [InlineData(new[] { "send-test-email", "--to", "not an address" }, "Option --to must be one email address")]
    [InlineData(new[] { "send-test-email", "--to", "ada@example.com", "--kind", "horoscope" }, "Option --kind must be daily, welcome, sign-in")]
    public async Task Bad_arguments_exit_2_with_the_reason_and_send_nothing(string[] args, string reason)
    {
        var result = await CliRun.RunAsync(app.Services, null, args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
        Assert.Empty(smtp.Received);
    }
}
