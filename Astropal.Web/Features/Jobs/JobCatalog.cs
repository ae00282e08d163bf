using Astropal.Web.Features.Billing;
using Astropal.Web.Features.Alerts;
using Astropal.Web.Features.Backups;
using Astropal.Web.Features.Content;
using Astropal.Web.Features.Content.News;
using Astropal.Web.Features.Delivery;
using Astropal.Web.Features.Metrics;
using Astropal.Web.Features.Readers;
using Astropal.Web.Features.Reports;
using Astropal.Web.Features.Status;

namespace Astropal.Web.Features.Jobs;

/// <summary>
/// Every Quartz job of the app (the features declare their schedules in their *Jobs classes; a new job is added here
/// too so that the console, the command line and the API can list, pause and run it).
/// </summary>
public static class JobCatalog
{
    public static IReadOnlyList<JobDefinition> All { get; } =
    [
        new(DeliveryDispatchJob.Key, "Every minute", "Plans due emails and sends them (the delivery dispatcher)."),
        new(SegmentPreparationJob.Key, "Daily at 00:05 UTC, top-ups hourly at :35", "Generates the content segments for the next 36 hours."),
        new(NewsFetchJob.Key, "Hourly at :10 UTC", "Fetches news headlines for the content."),
        new(BillingJob.Key, "Hourly at :20 UTC", "Trial-ending and trial-ended emails, trials that ended → Free, past due beyond Billing:GraceDays → Free."),
        new(ReaderTokenPurgeJob.Key, "Daily at 03:17 UTC", "Deletes expired reader tokens."),
        new(InactiveReaderPurgeJob.Key, "Daily at 04:10 UTC", "Queues the inactivity notice 30 days before, then erases readers inactive for Privacy:PurgeAfterMonths (default 24)."),
        new(MetricSampleJob.Key, "Every minute", "Samples the launch metrics into the time series."),
        new(MetricRollupJob.Key, "Hourly at :07 UTC", "Rolls metric samples older than 7 days into hourly means; deletes those older than 400 days."),
        new(AlertNotificationJob.Key, "Every 15 seconds", "Sends queued alert notifications to their channels, retrying failures with backoff."),
        new(AlertEvaluationJob.Key, "Every Alerts:EvaluationInterval (default 1 minute)", "Evaluates the alert rules: opens, fires, reminds and resolves alert episodes."),
        new(StatusDeriveJob.Key, "Every minute", "Derives each status-page component's state from its health signals, applies incidents and maintenance, records changes."),
        new(DailyReportJob.Key, "Daily at Reports:DailyAt (default 21:00 UTC)", "Sends the day's operations report to every enabled operator, once per day."),
        new(NightlyBackupJob.Key, "Daily at 02:30 UTC", "Backs up the database and the Quartz store into <DataDirectory>/backups and prunes old backups (Backups:KeepDaily, Backups:KeepWeekly)."),
    ];

    /// <summary>The job called <paramref name="name"/> (<c>delivery-dispatch</c> or <c>delivery.delivery-dispatch</c>), or null.</summary>
    public static JobDefinition? Find(string? name) =>
        string.IsNullOrWhiteSpace(name)
            ? null
            : All.FirstOrDefault(j => string.Equals(j.Name, name.Trim(), StringComparison.OrdinalIgnoreCase)
                                      || string.Equals(j.Id, name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The names, for error messages.</summary>
    public static string Names => string.Join(", ", All.Select(j => j.Name));
}
