namespace Astropal.Core.Email.Models;

/// <summary>The Sunday overview of the week ahead.</summary>
public sealed record WeeklyEmailModel(
    string Subject,
    string Preheader,
    string WeekLabel,
    string PerspectiveName,
    string Greeting,
    string Overview,
    IReadOnlyList<WeekDay> Days,
    IReadOnlyList<LabelledFact> KeyDates,
    UpgradeBlock? Upgrade,
    EmailLinks Links) : IEmailModel
{
    public EmailTemplate Template => EmailTemplate.Weekly;
}

public sealed record WeekDay(string Day, string Headline, string Detail);
