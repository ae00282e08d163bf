namespace Astropal.Core.Email.Models;

/// <summary>The midday news digest (pro): headlines through the reader's chosen voice.</summary>
public sealed record MiddayEmailModel(
    string Subject,
    string Preheader,
    string DateLabel,
    string PerspectiveName,
    string Greeting,
    string? Intro,
    IReadOnlyList<NewsItem> Items,
    EmailLinks Links) : IEmailModel
{
    public EmailTemplate Template => EmailTemplate.Midday;
}
