namespace Astropal.Core.Email.Models;

/// <summary>A subscription payment failed: how long the plan stays, and the link to fix the card (the customer portal).</summary>
public sealed record PaymentFailedEmailModel(
    string? Name,
    string PlanName,
    int GraceDays,
    string FixUrl,
    EmailLinks Links) : IEmailModel
{
    public EmailTemplate Template => EmailTemplate.PaymentFailed;
}
