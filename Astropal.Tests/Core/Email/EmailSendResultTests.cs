using Astropal.Core.Email;

namespace Astropal.Tests.Core.Email;

public sealed class EmailSendResultTests
{
    [Fact]
    public void Only_transient_failures_and_an_unavailable_transport_are_retried()
    {
        Assert.False(EmailSendResult.Sent.ShouldRetry);
        Assert.True(EmailSendResult.Transient("451 try later", 451).ShouldRetry);
        Assert.True(EmailSendResult.Unavailable("connection refused").ShouldRetry);
        Assert.False(EmailSendResult.Permanent("554 rejected", 554).ShouldRetry);
        Assert.False(EmailSendResult.MailboxDoesNotExist("550 no such user", 550).ShouldRetry);
    }

    [Fact]
    public void Each_result_keeps_its_status_reason_and_server_code()
    {
        Assert.True(EmailSendResult.Sent.IsSent);
        Assert.Equal(new EmailSendResult(EmailSendStatus.TransientFailure, "451 try later", 451), EmailSendResult.Transient("451 try later", 451));
        Assert.Equal(new EmailSendResult(EmailSendStatus.TransportUnavailable, "down", null), EmailSendResult.Unavailable("down"));
        Assert.Equal(new EmailSendResult(EmailSendStatus.PermanentFailure, "554", 554), EmailSendResult.Permanent("554", 554));
        var gone = EmailSendResult.MailboxDoesNotExist("550 no such user", 550);
        Assert.Equal(EmailSendStatus.MailboxDoesNotExist, gone.Status);
        Assert.False(gone.IsSent);
        Assert.Equal(550, gone.SmtpStatusCode);
    }
}
