namespace Astropal.Core.Email.Models;

public sealed record TrialEndedEmailModel(
    string? Name,
    string PerspectiveName,
    IReadOnlyList<PlanSummary> Plans,
    string UpgradeUrl,
    EmailLinks Links) : IEmailModel
{
    public EmailTemplate Template => EmailTemplate.TrialEnded;
}
