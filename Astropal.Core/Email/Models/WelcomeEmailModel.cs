namespace Astropal.Core.Email.Models;

/// <summary>After confirmation. <paramref name="TrialDays"/> is 0 when the reader has no trial.</summary>
public sealed record WelcomeEmailModel(
    string? Name,
    string PerspectiveName,
    string DeliveryTime,
    string TimeZone,
    int TrialDays,
    IReadOnlyList<LabelledFact> Schedule,
    EmailLinks Links) : IEmailModel
{
    public EmailTemplate Template => EmailTemplate.Welcome;
}
