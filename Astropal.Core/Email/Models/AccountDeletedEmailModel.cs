namespace Astropal.Core.Email.Models;

/// <summary>The last email: the reader is gone, so there is nothing to unsubscribe from.</summary>
public sealed record AccountDeletedEmailModel(string? Name, string DeletedOnLabel, int BackupRetentionDays) : IEmailModel
{
    public EmailTemplate Template => EmailTemplate.AccountDeleted;

    public EmailLinks? Links => null;
}
