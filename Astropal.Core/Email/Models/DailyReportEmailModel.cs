namespace Astropal.Core.Email.Models;

/// <summary>
/// The daily operations report sent to the console operators (English, their language), its figures already
/// formatted by the report feature. Sent to team members, not readers: no footer links.
/// </summary>
public sealed record DailyReportEmailModel(
    string Day,
    string GeneratedAt,
    string ReportUrl,
    int MetricsInAlert,
    IReadOnlyList<DailyReportMetricRow> Metrics,
    IReadOnlyList<LabelledFact> Deliveries,
    int LateEmails,
    IReadOnlyList<LabelledFact> Spend,
    string SpendTotal,
    string AlertsFired,
    string AlertsResolved,
    int NewReaders,
    int ActivatedReaders,
    int Unsubscribes,
    string Voices) : IEmailModel
{
    public EmailTemplate Template => EmailTemplate.DailyReport;

    public EmailLinks? Links => null;

    /// <summary>More than one metric in alert (the subject's plural).</summary>
    public bool ManyInAlert => MetricsInAlert > 1;
}
