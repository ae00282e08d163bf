namespace Astropal.Web.Features.Beta;

/// <summary>What "resend the invitation" came to.</summary>
public enum InvitationResend
{
    Sent,
    /// <summary>The reader is not (or no longer) invited: they completed the sign-up, or left.</summary>
    NotInvited,
    /// <summary>The email could not be sent; nothing changed.</summary>
    SendFailed,
}
