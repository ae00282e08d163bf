namespace Astropal.Core.Email.Models;

/// <summary>
/// An invitation to the operator console: a one-time link to choose a password. Sent to team members, not
/// readers: no footer links.
/// </summary>
public sealed record OperatorInvitationEmailModel(string Email, string SetPasswordUrl, string ExpiresLabel) : IEmailModel
{
    public EmailTemplate Template => EmailTemplate.OperatorInvitation;

    public EmailLinks? Links => null;
}
