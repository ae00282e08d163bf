namespace Astropal.Core.Email.Models;

/// <summary>
/// Double opt-in: sent before the address is a reader, so it has no footer links, and no name: the name
/// is unconfirmed text of the sender's choosing, which must not reach a stranger's inbox under our brand.
/// </summary>
public sealed record ConfirmEmailModel(string PerspectiveName, string ConfirmUrl, int ExpiresInHours) : IEmailModel
{
    public EmailTemplate Template => EmailTemplate.Confirm;

    public EmailLinks? Links => null;
}
