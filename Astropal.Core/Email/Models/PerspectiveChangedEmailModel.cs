namespace Astropal.Core.Email.Models;

public sealed record PerspectiveChangedEmailModel(
    string? Name,
    string OldPerspectiveName,
    string NewPerspectiveName,
    string NewPerspectiveVoice,
    string NewPerspectiveSample,
    string FirstEmailLabel,
    EmailLinks Links) : IEmailModel
{
    public EmailTemplate Template => EmailTemplate.PerspectiveChanged;
}
