namespace Astropal.Web.Infrastructure.Email;

internal static partial class EmailLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Pooled SMTP connection failed its NOOP check; reconnecting")]
    public static partial void NoOpFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Opened SMTP connection to {Host}:{Port}")]
    public static partial void Opened(ILogger logger, string? host, int port);

    [LoggerMessage(Level = LogLevel.Information, Message = "SMTP server rejected {MessageId}: {Status} {Error}")]
    public static partial void Rejected(ILogger logger, string? messageId, Core.Email.EmailSendStatus status, string? error);
}
