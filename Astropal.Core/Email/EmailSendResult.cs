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
}

/// <summary>What happened to one send. <paramref name="SmtpStatusCode"/> is set when a server answered.</summary>
public sealed record EmailSendResult(EmailSendStatus Status, string? Error = null, int? SmtpStatusCode = null)
{
    public static EmailSendResult Sent { get; } = new(EmailSendStatus.Sent);

    public bool IsSent => Status == EmailSendStatus.Sent;

    public bool ShouldRetry => Status == EmailSendStatus.TransientFailure;

    public static EmailSendResult Transient(string error, int? smtpStatusCode = null) => new(EmailSendStatus.TransientFailure, error, smtpStatusCode);

    public static EmailSendResult Permanent(string error, int? smtpStatusCode = null) => new(EmailSendStatus.PermanentFailure, error, smtpStatusCode);

    public static EmailSendResult MailboxDoesNotExist(string error, int? smtpStatusCode = null) => new(EmailSendStatus.MailboxDoesNotExist, error, smtpStatusCode);
}
