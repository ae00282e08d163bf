namespace Astropal.Web.Features.Reports;

/// <summary>
/// The daily operations report of one UTC day (docs/reports.md): the launch metrics of the day and the day before
/// against their targets, the day's deliveries, late emails, LLM spend, alerts, readers and the voices' distinctness.
/// Built by <see cref="DailyReportBuilder"/> for the email, the console page and <c>GET /api/ops/reports/{day}</c>.
/// </summary>
public sealed record DailyReport(
    DateOnly Day,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<DailyReportMetric> Metrics,
    IReadOnlyList<DailyReportCount> DeliveriesByStatus,
    int LateEmails,
    IReadOnlyList<DailyReportSpend> SpendByProvider,
    IReadOnlyList<DailyReportAlert> AlertsFired,
    IReadOnlyList<DailyReportAlert> AlertsResolved,
    int NewReaders,
    int ActivatedReaders,
    int Unsubscribes,
    DailyReportVoices Voices)
{
    /// <summary>How many metrics are past their alert threshold on the report's day.</summary>
    public int MetricsInAlert => Metrics.Count(m => m.State == DailyReportMetric.AlertState);

    public int Deliveries => DeliveriesByStatus.Sum(d => d.Count);

    public decimal SpendUsd => SpendByProvider.Sum(s => s.CostUsd);
}
