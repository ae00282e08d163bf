namespace Astropal.Core.Email.Models;

/// <summary>
/// A service notice to a reader about an incident that affects their emails: the incident's public title and the
/// message of its latest public update (never internal notes), the public status page and where to turn notices off.
/// </summary>
public sealed record IncidentNoticeEmailModel(
    string? Name,
    string IncidentTitle,
    string? LatestUpdate,
    string StatusPageUrl,
    string NoticesSettingsUrl,
    EmailLinks Links) : IEmailModel
{
    public EmailTemplate Template => EmailTemplate.IncidentNotice;
}
