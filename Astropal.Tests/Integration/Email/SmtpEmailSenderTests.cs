using Astropal.Core.Email;
using Astropal.Tests.TestSupport;
using Astropal.Web.Infrastructure.Email;
using MimeKit;
using SmtpServer.Protocol;

namespace Astropal.Tests.Integration.Email;

/// <summary>The Smtp transport over a real loopback socket to an in-process SMTP server.</summary>
public sealed class SmtpEmailSenderTests
{
    private static Dictionary<string, string?> Smtp(int port, int poolSize = 2, int idleCheckSeconds = 30) => new()
    {
        ["Email:Transport"] = "Smtp",
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:Security"] = "None",
        ["Email:Smtp:PoolSize"] = poolSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:IdleCheckSeconds"] = idleCheckSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:TimeoutSeconds"] = "10",
    };

    private static EmailMessage Message(string to = "ada@example.test", string id = "delivery-1@astropal.test") =>
        new(to, "Ada", "Moon in Gemini", "<p>Hello <b>Ada</b></p>", "Hello Ada", id, "daily")
        {
            UnsubscribeUrl = EmailSamples.UnsubscribeUrl,
        };

    [Fact]
    public async Task A_sent_email_arrives_with_text_and_html_parts_brand_sender_message_id_and_one_click_unsubscribe()
    {
        await using var smtp = await InProcessSmtpServer.StartAsync();
        await using var host = EmailTestHost.Create(Smtp(smtp.Port));
        var renderer = host.Get<EmailTemplateRenderer>();
        var rendered = renderer.Render(EmailSamples.Daily(name: "Ada <script>"));
        var message = EmailMessage.FromRendered(rendered, "ada@example.test", "Ada", "delivery-42@astropal.test", EmailSamples.UnsubscribeUrl);

        var result = await host.Get<IEmailSender>().SendAsync(message, CancellationToken.None);

        Assert.Equal(EmailSendStatus.Sent, result.Status);
        Assert.False(string.IsNullOrWhiteSpace(result.Answer)); // the relay's reply to DATA, printed by send-test-email
        var received = Assert.Single(smtp.Received);
        var mail = received.Message;
        Assert.Equal("delivery-42@astropal.test", mail.MessageId);
        Assert.Equal("hello@astropal.test", received.MailFrom);
        Assert.Equal(["ada@example.test"], received.RcptTo);
        var from = Assert.IsType<MailboxAddress>(Assert.Single(mail.From));
        Assert.Equal(("Astropal", "hello@astropal.test"), (from.Name, from.Address));
        Assert.Equal(rendered.Subject, mail.Subject);
        Assert.Equal($"<{EmailSamples.UnsubscribeUrl}>, <mailto:support@astropal.local?subject=unsubscribe>", mail.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        Assert.Equal("daily", mail.Headers[EmailMimeBuilder.KindHeader]);
        var alternative = Assert.IsType<MultipartAlternative>(mail.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType).ToArray());
        Assert.Contains("Good morning, Ada <script>.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Good morning, Ada &lt;script&gt;.", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_email_without_an_unsubscribe_url_has_no_list_unsubscribe_headers()
    {
        await using var smtp = await InProcessSmtpServer.StartAsync();
        await using var host = EmailTestHost.Create(Smtp(smtp.Port));

        await host.Get<IEmailSender>().SendAsync(Message() with { UnsubscribeUrl = null, Kind = "confirm" }, CancellationToken.None);

        var mail = Assert.Single(smtp.Received).Message;
        Assert.Null(mail.Headers["List-Unsubscribe"]);
        Assert.Null(mail.Headers["List-Unsubscribe-Post"]);
    }

    [Fact]
    public async Task Sequential_sends_reuse_one_pooled_connection()
    {
        await using var smtp = await InProcessSmtpServer.StartAsync();
        await using var host = EmailTestHost.Create(Smtp(smtp.Port));
        var sender = host.Get<IEmailSender>();

        for (var i = 0; i < 10; i++)
        {
            Assert.True((await sender.SendAsync(Message(id: $"d-{i}@astropal.test"), CancellationToken.None)).IsSent);
        }

        Assert.Equal(10, smtp.Received.Count);
        Assert.Equal(1, smtp.Sessions);
        Assert.Equal(1, host.Get<SmtpConnectionPool>().ConnectionsOpened);
    }

    [Fact]
    public async Task Concurrent_sends_use_at_most_the_pool_size_of_connections()
    {
        await using var smtp = await InProcessSmtpServer.StartAsync();
        await using var host = EmailTestHost.Create(Smtp(smtp.Port, poolSize: 2));
        var sender = host.Get<IEmailSender>();

        var results = await Task.WhenAll(Enumerable.Range(0, 30)
            .Select(i => sender.SendAsync(Message(id: $"c-{i}@astropal.test"), CancellationToken.None)));

        Assert.All(results, r => Assert.True(r.IsSent));
        Assert.Equal(30, smtp.Received.Select(r => r.Message.MessageId).Distinct().Count());
        Assert.InRange(smtp.Sessions, 1, 2);
    }

    [Fact]
    public async Task A_pooled_connection_authenticates_once()
    {
        await using var smtp = await InProcessSmtpServer.StartAsync(username: "mailer", password: "s3cret");
        var settings = Smtp(smtp.Port);
        settings["Email:Smtp:Username"] = "mailer";
        settings["Email:Smtp:Password"] = "s3cret";
        await using var host = EmailTestHost.Create(settings);
        var sender = host.Get<IEmailSender>();

        for (var i = 0; i < 5; i++)
        {
            Assert.True((await sender.SendAsync(Message(id: $"a-{i}@astropal.test"), CancellationToken.None)).IsSent);
        }

        Assert.Equal(1, smtp.Authentications);
        Assert.Equal(5, smtp.Received.Count);
    }

    public static TheoryData<int, string, EmailSendStatus> Rejections() => new()
    {
        { 421, "4.7.0 Try again later, closing connection", EmailSendStatus.TransportUnavailable },
        { 451, "4.3.0 Temporary local problem", EmailSendStatus.TransientFailure },
        { 452, "4.2.2 Mailbox full, try later", EmailSendStatus.TransientFailure },
        { 550, "5.1.1 The email account that you tried to reach does not exist", EmailSendStatus.MailboxDoesNotExist },
        { 551, "5.1.6 User not local", EmailSendStatus.MailboxDoesNotExist },
        { 553, "5.1.3 Mailbox name not allowed", EmailSendStatus.MailboxDoesNotExist },
        { 550, "Mailbox unavailable", EmailSendStatus.MailboxDoesNotExist },
        { 550, "5.7.1 Message rejected by policy", EmailSendStatus.PermanentFailure },
        { 554, "5.7.1 Rejected as spam", EmailSendStatus.PermanentFailure },
        { 552, "5.2.2 Mailbox full", EmailSendStatus.PermanentFailure },
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    public async Task A_rejected_recipient_maps_to_retry_fail_or_suppress(int code, string text, EmailSendStatus expected)
    {
        await using var smtp = await InProcessSmtpServer.StartAsync();
        smtp.RejectRecipient = to => to.StartsWith("bad", StringComparison.Ordinal) ? new SmtpResponse((SmtpReplyCode)code, text) : null;
        await using var host = EmailTestHost.Create(Smtp(smtp.Port, poolSize: 1));
        var sender = host.Get<IEmailSender>();

        var rejected = await sender.SendAsync(Message(to: "bad@example.test"), CancellationToken.None);
        var next = await sender.SendAsync(Message(to: "good@example.test", id: "next@astropal.test"), CancellationToken.None);

        Assert.Equal(expected, rejected.Status);
        Assert.Equal(code, rejected.SmtpStatusCode);
        Assert.Contains(text, rejected.Error, StringComparison.Ordinal);
        Assert.Equal(EmailSendStatus.Sent, next.Status);
        Assert.Equal("good@example.test", Assert.Single(smtp.Received).RcptTo[0]);
    }

    [Fact]
    public async Task No_server_listening_means_the_transport_is_unavailable_and_the_email_is_retried()
    {
        await using var host = EmailTestHost.Create(Smtp(InProcessSmtpServer.FreePort()));

        var result = await host.Get<IEmailSender>().SendAsync(Message(), CancellationToken.None);

        Assert.Equal(EmailSendStatus.TransportUnavailable, result.Status);
        Assert.True(result.ShouldRetry);
    }

    [Fact]
    public async Task A_relay_that_accepts_the_connection_but_never_greets_times_out_as_unavailable_instead_of_hanging()
    {
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var settings = Smtp(((System.Net.IPEndPoint)silent.LocalEndpoint).Port);
        settings["Email:Smtp:TimeoutSeconds"] = "1";
        await using var host = EmailTestHost.Create(settings);

        var result = await host.Get<IEmailSender>().SendAsync(Message(), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(EmailSendStatus.TransportUnavailable, result.Status);
    }

    [Fact]
    public async Task A_relay_that_stops_answering_after_the_data_times_out_as_a_retry_and_the_connection_is_replaced()
    {
        await using var smtp = await InProcessSmtpServer.StartAsync();
        var settings = Smtp(smtp.Port, poolSize: 1);
        settings["Email:Smtp:TimeoutSeconds"] = "1";
        await using var host = EmailTestHost.Create(settings);
        var sender = host.Get<IEmailSender>();
        smtp.MessageDelay = TimeSpan.FromSeconds(20);

        var stuck = await sender.SendAsync(Message(id: "stuck@astropal.test"), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        smtp.MessageDelay = TimeSpan.Zero;
        var next = await sender.SendAsync(Message(id: "next@astropal.test"), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(EmailSendStatus.TransientFailure, stuck.Status);
        Assert.Equal(EmailSendStatus.Sent, next.Status);
        Assert.Equal(2, host.Get<SmtpConnectionPool>().ConnectionsOpened);
    }

    [Theory]
    [InlineData("StartTls")]
    [InlineData("SslOnConnect")]
    public async Task Over_tls_to_a_relay_with_a_pinned_certificate_every_email_arrives_whole_through_the_gathered_writes(string security)
    {
        using var certificate = InProcessSmtpServer.SelfSignedCertificate();
        await using var smtp = await InProcessSmtpServer.StartWithTlsAsync(certificate, implicitTls: security == "SslOnConnect");
        var settings = Smtp(smtp.Port, poolSize: 1);
        settings["Email:Smtp:Security"] = security;
        settings["Email:Smtp:TrustedCertificateSha256"] = string.Join(':', Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(certificate.RawData)).Chunk(2).Select(c => new string(c)));
        await using var host = EmailTestHost.Create(settings);
        var sender = host.Get<IEmailSender>();
        // Bigger than the gathering buffer, so the body goes out in more than one write under TLS.
        var html = "<p>" + string.Concat(Enumerable.Repeat("Venus trine natal Moon · ", 4000)) + "</p>";

        var first = await sender.SendAsync(Message(id: "tls-1@astropal.test") with { Html = html }, CancellationToken.None);
        var second = await sender.SendAsync(Message(id: "tls-2@astropal.test"), CancellationToken.None);

        Assert.Equal((EmailSendStatus.Sent, EmailSendStatus.Sent), (first.Status, second.Status));
        Assert.Equal(["tls-1@astropal.test", "tls-2@astropal.test"], smtp.Received.Select(r => r.Message.MessageId));
        Assert.Equal(html, smtp.Received[0].Message.HtmlBody);
        Assert.Equal(1, host.Get<SmtpConnectionPool>().ConnectionsOpened);
    }

    [Fact]
    public async Task A_relay_certificate_that_is_neither_valid_nor_pinned_is_refused_and_nothing_is_sent()
    {
        using var certificate = InProcessSmtpServer.SelfSignedCertificate();
        await using var smtp = await InProcessSmtpServer.StartWithTlsAsync(certificate, implicitTls: false);
        var settings = Smtp(smtp.Port);
        settings["Email:Smtp:Security"] = "StartTls";
        await using var host = EmailTestHost.Create(settings);

        var result = await host.Get<IEmailSender>().SendAsync(Message(), CancellationToken.None);

        Assert.Equal(EmailSendStatus.TransportUnavailable, result.Status);
        Assert.Empty(smtp.Received);
    }

    [Fact]
    public async Task StartTls_required_but_not_offered_means_the_transport_is_unavailable_not_an_exception()
    {
        await using var smtp = await InProcessSmtpServer.StartAsync();
        var settings = Smtp(smtp.Port);
        settings["Email:Smtp:Security"] = "StartTls";
        await using var host = EmailTestHost.Create(settings);

        var result = await host.Get<IEmailSender>().SendAsync(Message(), CancellationToken.None);

        Assert.Equal(EmailSendStatus.TransportUnavailable, result.Status);
        Assert.Contains("STARTTLS", result.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(smtp.Received);
    }

    [Fact]
    public async Task Cancellation_is_thrown_not_reported_as_a_failure()
    {
        await using var smtp = await InProcessSmtpServer.StartAsync();
        await using var host = EmailTestHost.Create(Smtp(smtp.Port));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Get<IEmailSender>().SendAsync(Message(), cancelled.Token));
    }

    [Fact]
    public async Task A_pooled_connection_the_server_dropped_is_replaced()
    {
        var port = InProcessSmtpServer.FreePort();
        await using var host = EmailTestHost.Create(Smtp(port, poolSize: 1, idleCheckSeconds: 0));
        var sender = host.Get<IEmailSender>();
        await using (var first = await InProcessSmtpServer.StartAsync(port))
        {
            Assert.True((await sender.SendAsync(Message(id: "before@astropal.test"), CancellationToken.None)).IsSent);
        }

        await using var second = await InProcessSmtpServer.StartAsync(port);
        var result = await sender.SendAsync(Message(id: "after@astropal.test"), CancellationToken.None);

        Assert.Equal(EmailSendStatus.Sent, result.Status);
        Assert.Equal("after@astropal.test", Assert.Single(second.Received).Message.MessageId);
        Assert.Equal(2, host.Get<SmtpConnectionPool>().ConnectionsOpened);
    }

    [Fact]
    public async Task A_dkim_signed_email_verifies_as_received_and_fails_when_tampered_with()
    {
        using var key = new DkimTestKey();
        await using var smtp = await InProcessSmtpServer.StartAsync();
        var settings = Smtp(smtp.Port);
        settings["Email:Dkim:Domain"] = "astropal.test";
        settings["Email:Dkim:Selector"] = "mail2026";
        settings["Email:Dkim:PrivateKeyPath"] = key.PrivateKeyPath;
        await using var host = EmailTestHost.Create(settings);
        var rendered = host.Get<EmailTemplateRenderer>().Render(EmailSamples.Daily());

        await host.Get<IEmailSender>().SendAsync(
            EmailMessage.FromRendered(rendered, "ada@example.test", "Ada", "dkim-1@astropal.test", EmailSamples.UnsubscribeUrl), CancellationToken.None);

        var mail = Assert.Single(smtp.Received).Message;
        var signature = mail.Headers[HeaderId.DkimSignature];
        Assert.Contains("d=astropal.test", signature, StringComparison.Ordinal);
        Assert.Contains("s=mail2026", signature, StringComparison.Ordinal);
        Assert.Contains("list-unsubscribe", signature, StringComparison.OrdinalIgnoreCase);
        Assert.True(await key.VerifyAsync(mail, CancellationToken.None));

        mail.Headers[HeaderId.ListUnsubscribe] = "<https://evil.test/u>";
        Assert.False(await key.VerifyAsync(mail, CancellationToken.None));
    }
}
