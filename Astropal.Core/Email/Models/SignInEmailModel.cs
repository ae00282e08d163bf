namespace Astropal.Core.Email.Models;

/// <summary>
/// A link into the preferences portal for someone who asked for one (or signed up again with a
/// subscribed address). Like the confirmation, it has no footer links: it is a reply to a request.
/// </summary>
public sealed record SignInEmailModel(string? Name, string SignInUrl, string ExpiresLabel) : IEmailModel
{
    public EmailTemplate Template => EmailTemplate.SignIn;

    public EmailLinks? Links => null;
}
