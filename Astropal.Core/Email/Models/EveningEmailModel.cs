namespace Astropal.Core.Email.Models;

/// <summary>The evening reflection (basic, pro, trial).</summary>
public sealed record EveningEmailModel(
    string Subject,
    string Preheader,
    string DateLabel,
    string PerspectiveName,
    string Greeting,
    string Reflection,
    IReadOnlyList<string> Questions,
    string? Tomorrow,
    EmailLinks Links) : IEmailModel
{
    public EmailTemplate Template => EmailTemplate.Evening;
}
