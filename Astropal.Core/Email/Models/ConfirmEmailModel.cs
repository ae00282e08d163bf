namespace Astropal.Core.Email.Models;

/// <summary>Double opt-in: sent before the address is a reader, so it has no footer links.</summary>
public sealed record ConfirmEmailModel(string? Name, string PerspectiveName, string ConfirmUrl, int ExpiresInHours) : IEmailModel
{
    public EmailTemplate Template => EmailTemplate.Confirm;

    public EmailLinks? Links => null;
}
