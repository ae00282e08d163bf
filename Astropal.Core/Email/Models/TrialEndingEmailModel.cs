namespace Astropal.Core.Email.Models;

public sealed record TrialEndingEmailModel(
    string? Name,
    string EndsOnLabel,
    int DaysLeft,
    IReadOnlyList<PlanSummary> Plans,
    string UpgradeUrl,
    EmailLinks Links) : IEmailModel
{
    public EmailTemplate Template => EmailTemplate.TrialEnding;
}
