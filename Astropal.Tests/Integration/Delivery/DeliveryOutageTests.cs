using Astropal.Core.Billing;
using Astropal.Core.Delivery;
using Astropal.Core.Email;
using Astropal.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Astropal.Tests.Integration.Delivery;

/// <summary>The SMTP relay out of reach at delivery time (a provider outage at 06:00), over a real socket and SQLite file.</summary>
public sealed class DeliveryOutageTests
{
    // Tuesday 2026-12-01, 06:00:30 in London (GMT).
    private static readonly DateTimeOffset LondonSixAm = new(2026, 12, 1, 6, 0, 30, TimeSpan.Zero);

    private const int Readers = 20;

    [Fact]
    public async Task A_relay_down_for_two_hours_leaves_the_morning_pending_without_using_attempts_and_each_email_goes_out_once_when_it_is_back()
    {
        using var dir = new TempDirectory("outage");
        var port = InProcessSmtpServer.FreePort();
        var time = new FakeTimeProvider(LondonSixAm);
        var attempts = new CountingSender.Counter();
        await using var host = await DeliveryTestHost.StartAsync(dir.Path, port, time, wrapSender: inner => new CountingSender(inner, attempts));
        for (var i = 0; i < Readers; i++)
        {
            await host.AddReaderAsync($"reader{i}@example.com", "Europe/London", new TimeOnly(6, 0), Tier.Free);
        }

        var first = await host.Dispatcher.RunAsync(CancellationToken.None);

        Assert.Equal((Readers, 0, Readers, 0), (first.Created, first.Sent, first.Retrying, first.Failed));
        // The first failures open the run's breaker: the rest are handed back without trying the relay each.
        Assert.InRange(attempts.Value, 1, 8);
        var pending = await host.DeliveriesAsync();
        Assert.All(pending, row =>
        {
            Assert.Equal((DeliveryStatus.Pending, 0), (row.Status, row.Attempts));
            Assert.Contains("SMTP connection failed", row.LastError, StringComparison.Ordinal);
            Assert.Equal(LondonSixAm.AddSeconds(60), row.NextAttemptAt);
        });

        // Two hours of runs every ten minutes: far more than Delivery:MaxAttempts (6), yet nothing fails.
        for (var run = 0; run < 12; run++)
        {
            time.Advance(TimeSpan.FromMinutes(10));
            var during = await host.Dispatcher.RunAsync(CancellationToken.None);
            Assert.Equal((0, 0), (during.Sent, during.Failed));
        }

        Assert.All(await host.DeliveriesAsync(), row => Assert.Equal((DeliveryStatus.Pending, 0), (row.Status, row.Attempts)));

        await using var smtp = await InProcessSmtpServer.StartAsync(port);
        time.Advance(TimeSpan.FromMinutes(1));
        var back = await host.Dispatcher.RunAsync(CancellationToken.None);

        Assert.Equal((Readers, 0), (back.Sent, back.Retrying));
        var sent = await host.DeliveriesAsync();
        Assert.All(sent, row => Assert.Equal((DeliveryStatus.Sent, 1), (row.Status, row.Attempts)));
        Assert.Equal(Readers, smtp.ReceivedCount);
        Assert.Equal(0, smtp.Duplicates);
        Assert.Equal(sent.Select(r => r.MessageId.Trim('<', '>')).Order(), smtp.MessageIdCounts.Keys.Order());
        Assert.All(sent, row => Assert.Equal(2 * 3600 + 60 + 30, row.LatenessSeconds));
    }

    [Fact]
    public async Task Emails_still_held_up_by_an_outage_after_max_lateness_are_skipped_with_the_reason_and_never_sent_late()
    {
        using var dir = new TempDirectory("outage");
        var port = InProcessSmtpServer.FreePort();
        var time = new FakeTimeProvider(LondonSixAm);
        await using var host = await DeliveryTestHost.StartAsync(dir.Path, port, time, new Dictionary<string, string?> { ["Delivery:MaxLateness"] = "01:00:00" });
        await host.AddReaderAsync("ada@example.com", "Europe/London", new TimeOnly(6, 0), Tier.Free);
        Assert.Equal(1, (await host.Dispatcher.RunAsync(CancellationToken.None)).Retrying);

        await using var smtp = await InProcessSmtpServer.StartAsync(port);
        time.Advance(TimeSpan.FromMinutes(61));
        var late = await host.Dispatcher.RunAsync(CancellationToken.None);

        Assert.Equal((1, 0), (late.Skipped, late.Sent));
        var row = Assert.Single(await host.DeliveriesAsync());
        Assert.Equal(DeliveryStatus.Skipped, row.Status);
        Assert.Contains("Delivery:MaxLateness", row.LastError, StringComparison.Ordinal);
        Assert.Equal(0, smtp.ReceivedCount);
    }

    [Fact]
    public async Task A_message_level_4xx_still_counts_its_attempts_and_fails_after_the_last_one()
    {
        using var dir = new TempDirectory("outage");
        await using var smtp = await InProcessSmtpServer.StartAsync();
        smtp.RejectRecipient = _ => new SmtpServer.Protocol.SmtpResponse((SmtpServer.Protocol.SmtpReplyCode)452, "4.2.2 Mailbox full");
        var time = new FakeTimeProvider(LondonSixAm);
        await using var host = await DeliveryTestHost.StartAsync(dir.Path, smtp.Port, time, new Dictionary<string, string?> { ["Delivery:MaxAttempts"] = "2" });
        await host.AddReaderAsync("ada@example.com", "Europe/London", new TimeOnly(6, 0), Tier.Free);

        Assert.Equal(1, (await host.Dispatcher.RunAsync(CancellationToken.None)).Retrying);
        time.Advance(TimeSpan.FromMinutes(5));
        var last = await host.Dispatcher.RunAsync(CancellationToken.None);

        Assert.Equal(1, last.Failed);
        var row = Assert.Single(await host.DeliveriesAsync());
        Assert.Equal((DeliveryStatus.Failed, 2), (row.Status, row.Attempts));
        Assert.Contains("452", row.LastError, StringComparison.Ordinal);
    }

    /// <summary>Counts the sends that reach the real SMTP transport.</summary>
    private sealed class CountingSender(IEmailSender inner, CountingSender.Counter counter) : IEmailSender
    {
        public Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
        {
            counter.Increment();
            return inner.SendAsync(message, cancellationToken);
        }

        public sealed class Counter
        {
            private int value;

            public int Value => Volatile.Read(ref value);

            public void Increment() => Interlocked.Increment(ref value);
        }
    }
}
