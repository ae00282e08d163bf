namespace Astropal.Core.Email.Models;

/// <summary>
/// The notice 30 days before an inactive reader's account is deleted (<c>Privacy:PurgeAfterMonths</c>): following
/// <see cref="KeepUrl"/> (their preferences page) or any link of our emails keeps the account.
/// </summary>
public sealed record InactivityNoticeEmailModel(string? Name, string DeleteOnLabel, int InactiveMonths, string KeepUrl, EmailLinks Links) : IEmailModel
{
    public EmailTemplate Template => EmailTemplate.InactivityNotice;
}
