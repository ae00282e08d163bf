namespace Astropal.Core.Email;

/// <summary>Every email Astropal sends; each has <c>emails/templates/&lt;slug&gt;.mjml</c> and <c>.txt.hbs</c>.</summary>
public enum EmailTemplate
{
    Confirm,
    Welcome,
    Daily,
    Evening,
    Weekly,
    Midday,
    PerspectiveChanged,
    ExportReady,
    AccountDeleted,
    TrialEnding,
    TrialEnded,
    SignIn,
    OperatorInvitation,
    Invitation,
    DailyReport,
    IncidentNotice,
    IncidentResolved,
    InactivityNotice,
    SubscriptionStarted,
    PaymentFailed,
    SubscriptionEnded,
}

public static class EmailTemplateNames
{
    /// <summary>The file name of the template under <c>emails/</c>, e.g. <c>perspective-changed</c>.</summary>
    public static string Slug(this EmailTemplate template) => template switch
    {
        EmailTemplate.Confirm => "confirm",
        EmailTemplate.Welcome => "welcome",
        EmailTemplate.Daily => "daily",
        EmailTemplate.Evening => "evening",
        EmailTemplate.Weekly => "weekly",
        EmailTemplate.Midday => "midday",
        EmailTemplate.PerspectiveChanged => "perspective-changed",
        EmailTemplate.ExportReady => "export-ready",
        EmailTemplate.AccountDeleted => "account-deleted",
        EmailTemplate.TrialEnding => "trial-ending",
        EmailTemplate.TrialEnded => "trial-ended",
        EmailTemplate.SignIn => "sign-in",
        EmailTemplate.OperatorInvitation => "operator-invitation",
        EmailTemplate.Invitation => "invitation",
        EmailTemplate.DailyReport => "daily-report",
        EmailTemplate.IncidentNotice => "incident-notice",
        EmailTemplate.IncidentResolved => "incident-resolved",
        EmailTemplate.InactivityNotice => "inactivity-notice",
        EmailTemplate.SubscriptionStarted => "subscription-started",
        EmailTemplate.PaymentFailed => "payment-failed",
        EmailTemplate.SubscriptionEnded => "subscription-ended",
        _ => throw new ArgumentOutOfRangeException(nameof(template), template, "Unknown email template."),
    };
}
