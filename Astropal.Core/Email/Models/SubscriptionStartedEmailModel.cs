namespace Astropal.Core.Email.Models;

/// <summary>A subscription started (or a trialing one): the plan, when it renews, and the link to manage it.</summary>
public sealed record SubscriptionStartedEmailModel(
    string? Name,
    string PlanName,
    string? RenewsOnLabel,
    string ManageUrl,
    EmailLinks Links) : IEmailModel
{
    public EmailTemplate Template => EmailTemplate.SubscriptionStarted;
}
