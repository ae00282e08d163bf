namespace Astropal.Core.Email;

public enum EmailSendStatus
{
    /// <summary>Accepted by the transport.</summary>
    Sent,

    /// <summary>Try again later: 4xx, connection or timeout problems.</summary>
    TransientFailure,

    /// <summary>Do not retry: 5xx other than an unknown mailbox.</summary>
    PermanentFailure,

    /// <summary>The receiving server says the address does not exist (550/551/553, 5.1.x): suppress it.</summary>
    MailboxDoesNotExist,

    /// <summary>
    /// The transport itself is out of reach (no connection to the relay, credentials refused, 421 service not
    /// available, the outbox folder not writable): nothing is wrong with this email, and the next one would fail
    /// the same way. Try again when the transport is back, without counting it against the email.
    /// </summary>
    TransportUnavailable,
}

/// <summary>What happened to one send. <paramref name="SmtpStatusCode"/> is set when a server answered.</summary>
public sealed record EmailSendResult(EmailSendStatus Status, string? Error = null, int? SmtpStatusCode = null)
{
    public static EmailSendResult Sent { get; } = new(EmailSendStatus.Sent);

    public bool IsSent => Status == EmailSendStatus.Sent;

    /// <summary>What the transport said on acceptance (the relay's reply, or where the outbox wrote the file), when it said anything.</summary>
    public string? Answer { get; init; }

    public bool ShouldRetry => Status is EmailSendStatus.TransientFailure or EmailSendStatus.TransportUnavailable;

    public static EmailSendResult Transient(string error, int? smtpStatusCode = null) => new(EmailSendStatus.TransientFailure, error, smtpStatusCode);

    public static EmailSendResult Unavailable(string error, int? smtpStatusCode = null) => new(EmailSendStatus.TransportUnavailable, error, smtpStatusCode);

    public static EmailSendResult Permanent(string error, int? smtpStatusCode = null) => new(EmailSendStatus.PermanentFailure, error, smtpStatusCode);

    public static EmailSendResult MailboxDoesNotExist(string error, int? smtpStatusCode = null) => new(EmailSendStatus.MailboxDoesNotExist, error, smtpStatusCode);
}
