namespace Astropal.Core.Email.Models;

/// <summary>Double opt-in: sent before the address is a reader, so it has no footer links.</summary>
public sealed record ConfirmEmailModel(string? Name, string PerspectiveName, string ConfirmUrl, int ExpiresInHours) : IEmailModel
{
    public EmailTemplate Template => EmailTemplate.Confirm;

    public EmailLinks? Links => null;
}

/// <summary>After confirmation. <paramref name="TrialDays"/> is 0 when the reader has no trial.</summary>
public sealed record WelcomeEmailModel(
    string? Name,
    string PerspectiveName,
    string DeliveryTime,
    string TimeZone,
    int TrialDays,
    IReadOnlyList<LabelledFact> Schedule,
    EmailLinks Links) : IEmailModel
{
    public EmailTemplate Template => EmailTemplate.Welcome;
}

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

public sealed record ExportReadyEmailModel(string? Name, string DownloadUrl, string SizeLabel, string ExpiresLabel, EmailLinks Links) : IEmailModel
{
    public EmailTemplate Template => EmailTemplate.ExportReady;
}

/// <summary>The last email: the reader is gone, so there is nothing to unsubscribe from.</summary>
public sealed record AccountDeletedEmailModel(string? Name, string DeletedOnLabel, int BackupRetentionDays) : IEmailModel
{
    public EmailTemplate Template => EmailTemplate.AccountDeleted;

    public EmailLinks? Links => null;
}

public sealed record TrialEndingEmailModel(
    string? Name,
    string EndsOnLabel,
    int DaysLeft,
    IReadOnlyList<PlanSummary> Plans,
    string UpgradeUrl,
    EmailLinks Links) : IEmailModel
{
    public EmailTemplate Template => EmailTemplate.TrialEnding;
}

public sealed record TrialEndedEmailModel(
    string? Name,
    string PerspectiveName,
    IReadOnlyList<PlanSummary> Plans,
    string UpgradeUrl,
    EmailLinks Links) : IEmailModel
{
    public EmailTemplate Template => EmailTemplate.TrialEnded;
}

/// <summary>
/// A link into the preferences portal for someone who asked for one (or signed up again with a
/// subscribed address). Like the confirmation, it has no footer links: it is a reply to a request.
/// </summary>
public sealed record SignInEmailModel(string? Name, string SignInUrl, string ExpiresLabel) : IEmailModel
{
    public EmailTemplate Template => EmailTemplate.SignIn;

    public EmailLinks? Links => null;
}
