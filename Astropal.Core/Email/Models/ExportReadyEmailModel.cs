namespace Astropal.Core.Email.Models;

public sealed record ExportReadyEmailModel(string? Name, string DownloadUrl, string SizeLabel, string ExpiresLabel, EmailLinks Links) : IEmailModel
{
    public EmailTemplate Template => EmailTemplate.ExportReady;
}
