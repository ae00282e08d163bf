using System.Net.Sockets;
using Astropal.Core.Email;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Astropal.Web.Infrastructure.Email;

/// <summary>
/// Sends through SMTP with MailKit over pooled connections, at most <c>Email:MaxPerSecond</c>.
/// Server answers become results: 4xx transient, 5xx permanent, and an unknown mailbox
/// (550/551/553, or enhanced status 5.1.x) its own status so the address can be suppressed. No connection,
/// refused credentials and 421 (service not available) say the relay is unavailable, not the message.
/// </summary>
internal sealed class SmtpEmailSender(
    EmailMimeBuilder builder,
    SmtpConnectionPool pool,
    SendRateLimiter limiter,
    ILogger<SmtpEmailSender> logger) : IEmailSender
{
    public Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);

        // Built here, outside the async method: its state machine would keep the message (the rendered HTML as a
        // string, about 70 KB) alive for the whole send beside the MIME copy that is actually sent.
        return builder.TryBuild(message, out var mime, out var invalid) ? SendAsync(mime, cancellationToken) : Task.FromResult(invalid);
    }

    private async Task<EmailSendResult> SendAsync(MimeMessage mime, CancellationToken cancellationToken)
    {
        await limiter.WaitAsync(cancellationToken);

        PooledSmtpConnection connection;
        try
        {
            connection = await pool.RentAsync(cancellationToken);
        }
        catch (AuthenticationException ex)
        {
            // Wrong credentials are a configuration fault, not the reader's: retry later rather than fail the delivery.
            logger.LogError(ex, "SMTP authentication failed");
            return EmailSendResult.Unavailable($"SMTP authentication failed: {ex.Message}");
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Any failure to connect (network, TLS, STARTTLS not offered) is the relay's or the settings' fault: retry later.
            logger.LogWarning(ex, "Could not connect to the SMTP server");
            return EmailSendResult.Unavailable($"SMTP connection failed: {ex.Message}");
        }

        var healthy = false;
        try
        {
            var answer = await connection.Client.SendAsync(mime, cancellationToken);
            healthy = true;
            return string.IsNullOrEmpty(answer) ? EmailSendResult.Sent : EmailSendResult.Sent with { Answer = answer };
        }
        catch (SmtpCommandException ex)
        {
            // The session is still in step after a rejected command; keep the connection.
            healthy = connection.Client.IsConnected;
            var result = Map(ex);
            EmailLog.Rejected(logger, mime.MessageId, result.Status, result.Error);
            return result;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The session state is unknown after anything but a command reply: drop the connection and retry later.
            logger.LogWarning(ex, "SMTP send of {MessageId} failed; the connection is dropped", mime.MessageId);
            return EmailSendResult.Transient($"SMTP send failed: {ex.Message}");
        }
        finally
        {
            pool.Return(connection, healthy);
        }
    }

    internal static EmailSendResult Map(SmtpCommandException exception)
    {
        var code = (int)exception.StatusCode;
        var error = $"{code} {exception.Message}".Trim();

        if (code == 421)
        {
            // "Service not available, closing transmission channel": the relay, not this message (RFC 5321 §4.2.2).
            return EmailSendResult.Unavailable(error, code);
        }

        if (code is >= 400 and < 500)
        {
            return EmailSendResult.Transient(error, code);
        }

        if (exception.ErrorCode == SmtpErrorCode.RecipientNotAccepted && IsUnknownMailbox(code, exception.Message))
        {
            return EmailSendResult.MailboxDoesNotExist(error, code);
        }

        return code >= 500 ? EmailSendResult.Permanent(error, code) : EmailSendResult.Transient(error, code);
    }

    // 550 is also used for policy rejections (spam, blocked sender): those carry an enhanced 5.7.x code.
    private static bool IsUnknownMailbox(int code, string text) =>
        text.Contains("5.1.", StringComparison.Ordinal)
        || (code is 550 or 551 or 553 && !text.Contains("5.7.", StringComparison.Ordinal));

    internal static bool IsConnectionProblem(Exception exception) => exception is
        SmtpProtocolException or SmtpCommandException or ServiceNotConnectedException or ServiceNotAuthenticatedException
        or SslHandshakeException or IOException or SocketException or TimeoutException or OperationCanceledException
        or AuthenticationException;
}
