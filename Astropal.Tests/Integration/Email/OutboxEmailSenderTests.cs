using Astropal.Core.Email;
using Astropal.Tests.TestSupport;
using Astropal.Web.Infrastructure.Email;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Astropal.Tests.Integration.Email;

public sealed class OutboxEmailSenderTests
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);

    private static EmailTestHost Host(FakeTimeProvider time) =>
        EmailTestHost.Create(services: s => s.AddSingleton<TimeProvider>(time));

    private static EmailMessage Message(string id, string subject = "Moon in Gemini") =>
        new("ada@example.test", "Ada Lovelace", subject, "<p>Hi <b>Ada</b></p>", "Hi Ada", id, "daily")
        {
            UnsubscribeUrl = EmailSamples.UnsubscribeUrl,
            Headers = new Dictionary<string, string> { ["X-Entity-Ref-ID"] = id },
        };

    [Fact]
    public async Task The_default_transport_writes_a_parseable_eml_with_every_header_under_the_data_directory()
    {
        var time = new FakeTimeProvider(Morning);
        await using var host = Host(time);
        var sender = host.Get<IEmailSender>();
        Assert.IsType<OutboxEmailSender>(sender);

        var result = await sender.SendAsync(Message("delivery-7@astropal.test"), CancellationToken.None);

        Assert.Equal(EmailSendStatus.Sent, result.Status);
        Assert.Equal("written to the outbox as 20261126T060000.0000000Z_delivery-7@astropal.test.eml", result.Answer);
        var file = Assert.Single(Directory.GetFiles(Path.Combine(host.DataDirectory, "outbox")));
        Assert.Equal("20261126T060000.0000000Z_delivery-7@astropal.test.eml", Path.GetFileName(file));
        var mail = await MimeMessage.LoadAsync(file, CancellationToken.None);
        Assert.Equal("delivery-7@astropal.test", mail.MessageId);
        Assert.Equal("Moon in Gemini", mail.Subject);
        Assert.Equal(Morning, mail.Date);
        Assert.Equal("ada@example.test", Assert.IsType<MailboxAddress>(Assert.Single(mail.To)).Address);
        Assert.StartsWith($"<{EmailSamples.UnsubscribeUrl}>, <mailto:", mail.Headers[HeaderId.ListUnsubscribe], StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        Assert.Equal("delivery-7@astropal.test", mail.Headers["X-Entity-Ref-ID"]);
        Assert.Equal("Hi Ada", mail.TextBody?.Trim());
        Assert.Equal("<p>Hi <b>Ada</b></p>", mail.HtmlBody?.Trim());
    }

    [Fact]
    public async Task The_reader_lists_newest_first_and_reads_parts_and_headers()
    {
        var time = new FakeTimeProvider(Morning);
        await using var host = Host(time);
        var sender = host.Get<IEmailSender>();
        await sender.SendAsync(Message("first@astropal.test", "First"), CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(5));
        await sender.SendAsync(Message("second@astropal.test", "Second"), CancellationToken.None);
        var reader = host.Get<OutboxReader>();

        var entries = await reader.ListAsync(0, 10, CancellationToken.None);
        var message = await reader.ReadAsync(entries[1].FileName, CancellationToken.None);

        Assert.Equal(2, reader.Count());
        Assert.Equal(["Second", "First"], entries.Select(e => e.Subject).ToArray());
        Assert.Equal("first@astropal.test", entries[1].MessageId);
        Assert.Equal("daily", entries[1].Kind);
        Assert.Equal(Morning, entries[1].WrittenAt);
        Assert.Contains("ada@example.test", entries[1].To, StringComparison.Ordinal);
        Assert.NotNull(message);
        Assert.Equal("Hi Ada", message.Text?.Trim());
        Assert.Equal("<p>Hi <b>Ada</b></p>", message.Html?.Trim());
        Assert.Contains(message.Headers, h => h.Key == "List-Unsubscribe-Post" && h.Value == "List-Unsubscribe=One-Click");
        Assert.Empty(Directory.GetFiles(Path.Combine(host.DataDirectory, "outbox"), "*.tmp"));
    }

    [Theory]
    [InlineData("../secrets.eml")]
    [InlineData("/etc/passwd")]
    [InlineData("sub/x.eml")]
    [InlineData(".hidden.eml")]
    [InlineData("notes.txt")]
    [InlineData("missing.eml")]
    public async Task The_reader_reads_nothing_outside_the_outbox(string fileName)
    {
        await using var host = Host(new FakeTimeProvider(Morning));

        Assert.Null(await host.Get<OutboxReader>().ReadAsync(fileName, CancellationToken.None));
    }

    [Fact]
    public async Task Line_breaks_in_a_subject_cannot_add_headers()
    {
        await using var host = Host(new FakeTimeProvider(Morning));

        await host.Get<IEmailSender>().SendAsync(Message("inject@astropal.test", "Hi\r\nBcc: evil@example.test"), CancellationToken.None);

        var entry = Assert.Single(await host.Get<OutboxReader>().ListAsync(0, 1, CancellationToken.None));
        var message = await host.Get<OutboxReader>().ReadAsync(entry.FileName, CancellationToken.None);
        Assert.Equal("Hi Bcc: evil@example.test", entry.Subject);
        Assert.DoesNotContain(message!.Headers, h => h.Key.Equals("Bcc", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task An_extra_header_with_a_line_break_is_refused()
    {
        await using var host = Host(new FakeTimeProvider(Morning));
        var message = Message("hdr@astropal.test") with { Headers = new Dictionary<string, string> { ["X-Ref"] = "a\r\nBcc: evil@example.test" } };

        var result = await host.Get<IEmailSender>().SendAsync(message, CancellationToken.None);

        Assert.Equal(EmailSendStatus.PermanentFailure, result.Status);
        Assert.Equal(0, host.Get<OutboxReader>().Count());
    }

    [Fact]
    public async Task An_invalid_recipient_is_a_permanent_failure_and_writes_nothing()
    {
        await using var host = Host(new FakeTimeProvider(Morning));

        var result = await host.Get<IEmailSender>().SendAsync(Message("bad@astropal.test") with { To = "not an address" }, CancellationToken.None);

        Assert.Equal(EmailSendStatus.PermanentFailure, result.Status);
        Assert.Equal(0, host.Get<OutboxReader>().Count());
    }
}
