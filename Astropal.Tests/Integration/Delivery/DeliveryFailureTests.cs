using Astropal.Core.Billing;
using Astropal.Core.Content;
using Astropal.Core.Delivery;
using Astropal.Core.Email;
using Astropal.Core.Email.Models;
using Astropal.Core.Readers;
using Astropal.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;
using SmtpServer.Protocol;

namespace Astropal.Tests.Integration.Delivery;

/// <summary>
/// Failures are classified where they happen (house rule 12): what a retry cannot fix fails the row on its first
/// attempt with the reason; only transient failures are retried with backoff.
/// </summary>
public sealed class DeliveryFailureTests
{
    // Tuesday 2026-12-01, 06:00:30 UTC = 06:00:30 in London (GMT).
    private static readonly DateTimeOffset LondonSixAm = new(2026, 12, 1, 6, 0, 30, TimeSpan.Zero);

    [Fact]
    public async Task A_reader_without_birth_data_fails_on_the_first_attempt_with_the_reason_and_is_not_retried()
    {
        using var dir = new TempDirectory("delivery");
        await using var smtp = await InProcessSmtpServer.StartAsync();
        var time = new FakeTimeProvider(LondonSixAm);
        await using var host = await DeliveryTestHost.StartAsync(dir.Path, smtp.Port, time, realContent: true);
        await host.AddReaderAsync("ada@example.com", "Europe/London", new TimeOnly(6, 0), Tier.Free);

        var first = await host.Dispatcher.RunAsync(CancellationToken.None);

        Assert.Equal((1, 1, 0), (first.Claimed, first.Failed, first.Retrying));
        var row = Assert.Single(await host.DeliveriesAsync());
        Assert.Equal((DeliveryStatus.Failed, 1, (DateTimeOffset?)null), (row.Status, row.Attempts, row.NextAttemptAt));
        Assert.Contains("birth data", row.LastError, StringComparison.Ordinal);

        for (var i = 0; i < 6; i++)
        {
            time.Advance(TimeSpan.FromMinutes(30));
            Assert.Equal(0, (await host.Dispatcher.RunAsync(CancellationToken.None)).Claimed);
        }

        Assert.Equal(1, Assert.Single(await host.DeliveriesAsync()).Attempts);
        Assert.Equal(0, smtp.ReceivedCount);
    }

    [Fact]
    public async Task A_template_error_fails_on_the_first_attempt_with_the_reason()
    {
        using var dir = new TempDirectory("delivery");
        await using var smtp = await InProcessSmtpServer.StartAsync();
        var time = new FakeTimeProvider(LondonSixAm);
        var composer = new ThrowingComposer(() => new EmailTemplateException("Email text 'daily.greeting' (en-US) could not be filled: missing {name}"));
        await using var host = await DeliveryTestHost.StartAsync(dir.Path, smtp.Port, time, composer: composer);
        await host.AddReaderAsync("ada@example.com", "Europe/London", new TimeOnly(6, 0), Tier.Free);

        Assert.Equal(1, (await host.Dispatcher.RunAsync(CancellationToken.None)).Failed);

        var row = Assert.Single(await host.DeliveriesAsync());
        Assert.Equal((DeliveryStatus.Failed, 1), (row.Status, row.Attempts));
        Assert.Contains("daily.greeting", row.LastError, StringComparison.Ordinal);
        Assert.Equal(1, composer.Calls);
    }

    [Fact]
    public async Task An_invalid_address_fails_on_the_first_attempt_without_reaching_the_relay()
    {
        using var dir = new TempDirectory("delivery");
        await using var smtp = await InProcessSmtpServer.StartAsync();
        var time = new FakeTimeProvider(LondonSixAm);
        await using var host = await DeliveryTestHost.StartAsync(dir.Path, smtp.Port, time);
        await host.AddReaderAsync("not an address", "Europe/London", new TimeOnly(6, 0), Tier.Free);

        Assert.Equal(1, (await host.Dispatcher.RunAsync(CancellationToken.None)).Failed);

        var row = Assert.Single(await host.DeliveriesAsync());
        Assert.Equal((DeliveryStatus.Failed, 1), (row.Status, row.Attempts));
        Assert.False(string.IsNullOrEmpty(row.LastError));
        Assert.Equal(0, smtp.ReceivedCount);
    }

    [Fact]
    public async Task A_timeout_while_composing_is_retried_with_backoff_and_then_sent()
    {
        using var dir = new TempDirectory("delivery");
        await using var smtp = await InProcessSmtpServer.StartAsync();
        var time = new FakeTimeProvider(LondonSixAm);
        var composer = new ThrowingComposer(() => new TimeoutException("the content store did not answer in time"), failures: 1);
        await using var host = await DeliveryTestHost.StartAsync(dir.Path, smtp.Port, time, composer: composer);
        await host.AddReaderAsync("ada@example.com", "Europe/London", new TimeOnly(6, 0), Tier.Free);

        Assert.Equal(1, (await host.Dispatcher.RunAsync(CancellationToken.None)).Retrying);
        var pending = Assert.Single(await host.DeliveriesAsync());
        Assert.Equal((DeliveryStatus.Pending, 1, LondonSixAm.AddSeconds(60)), (pending.Status, pending.Attempts, pending.NextAttemptAt!.Value));
        Assert.Contains("did not answer", pending.LastError, StringComparison.Ordinal);

        time.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(1, (await host.Dispatcher.RunAsync(CancellationToken.None)).Sent);
        Assert.Equal((DeliveryStatus.Sent, 2), (Assert.Single(await host.DeliveriesAsync()).Status, Assert.Single(await host.DeliveriesAsync()).Attempts));
        Assert.Equal(1, smtp.ReceivedCount);
    }

    [Fact]
    public async Task A_transient_smtp_refusal_is_retried_until_max_attempts()
    {
        using var dir = new TempDirectory("delivery");
        await using var smtp = await InProcessSmtpServer.StartAsync();
        smtp.RejectRecipient = _ => new SmtpResponse((SmtpReplyCode)452, "4.2.2 mailbox full, try later");
        var time = new FakeTimeProvider(LondonSixAm);
        await using var host = await DeliveryTestHost.StartAsync(dir.Path, smtp.Port, time, new Dictionary<string, string?> { ["Delivery:MaxAttempts"] = "3" });
        await host.AddReaderAsync("ada@example.com", "Europe/London", new TimeOnly(6, 0), Tier.Free);

        Assert.Equal(1, (await host.Dispatcher.RunAsync(CancellationToken.None)).Retrying);
        time.Advance(TimeSpan.FromMinutes(1.1));
        Assert.Equal(1, (await host.Dispatcher.RunAsync(CancellationToken.None)).Retrying);
        time.Advance(TimeSpan.FromMinutes(2.1));
        Assert.Equal(1, (await host.Dispatcher.RunAsync(CancellationToken.None)).Failed);

        var row = Assert.Single(await host.DeliveriesAsync());
        Assert.Equal((DeliveryStatus.Failed, 3), (row.Status, row.Attempts));
        Assert.Contains("gave up after 3 attempts", row.LastError, StringComparison.Ordinal);
    }

    /// <summary>Throws the given exception for the first <c>failures</c> calls (all of them by default), then composes a short email.</summary>
    private sealed class ThrowingComposer(Func<Exception> error, int failures = int.MaxValue) : IReaderEmailComposer
    {
        private readonly TestReaderEmailComposer inner = new();
        private int calls;

        public int Calls => Volatile.Read(ref calls);

        public Task<RenderedEmail> ComposeAsync(Reader reader, EmailTemplate kind, DateOnly localDate, EmailLinks links, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref calls) <= failures
                ? Task.FromException<RenderedEmail>(error())
                : inner.ComposeAsync(reader, kind, localDate, links, cancellationToken);
    }
}
