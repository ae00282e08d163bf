namespace Astropal.Core.Email.Models;

/// <summary>
/// An operator's invitation to the beta (<c>import-beta-users</c>): the address is not a reader yet, so,
/// like the confirmation, it has no footer links. The link opens <c>/start?invite=TOKEN</c>.
/// </summary>
public sealed record InvitationEmailModel(string? Name, string PerspectiveName, string FocusAreaNames, string InvitationUrl, int ExpiresInDays) : IEmailModel
{
    public EmailTemplate Template => EmailTemplate.Invitation;

    public EmailLinks? Links => null;
}
