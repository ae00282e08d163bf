namespace Astropal.Core.Email.Models;

/// <summary>
/// The "resolved" notice to a reader who got an incident notice: the incident's public title, its closing public
/// update, the public status page and where to turn notices off.
/// </summary>
public sealed record IncidentResolvedEmailModel(
    string? Name,
    string IncidentTitle,
    string? LatestUpdate,
    string StatusPageUrl,
    string NoticesSettingsUrl,
    EmailLinks Links) : IEmailModel
{
    public EmailTemplate Template => EmailTemplate.IncidentResolved;
}
