namespace Astropal.Core.Email;

/// <summary>The port every transport implements (Outbox, SMTP).</summary>
public interface IEmailSender
{
    /// <summary>
    /// Sends one message. Failures come back as a result, not an exception, so the caller can retry,
    /// fail or suppress; only cancellation of <paramref name="cancellationToken"/> throws.
    /// </summary>
    Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
