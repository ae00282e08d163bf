namespace Astropal.Core.Email.Models;

/// <summary>A subscription ended (cancelled or unpaid): the reader is on the free plan now.</summary>
public sealed record SubscriptionEndedEmailModel(
    string? Name,
    string PlanName,
    string PlansUrl,
    EmailLinks Links) : IEmailModel
{
    public EmailTemplate Template => EmailTemplate.SubscriptionEnded;
}
