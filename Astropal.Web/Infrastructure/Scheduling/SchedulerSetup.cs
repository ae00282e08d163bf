using Astropal.Web.Features.Billing;
using Astropal.Data;
using Astropal.Web.Features.Alerts;
using Astropal.Web.Features.Backups;
using Astropal.Web.Features.Content;
using Astropal.Web.Features.Content.News;
using Astropal.Web.Features.Delivery;
using Astropal.Web.Features.Jobs;
using Astropal.Web.Features.Metrics;
using Astropal.Web.Features.Readers;
using Astropal.Web.Features.Reports;
using Astropal.Web.Features.Status;
using Astropal.Web.Infrastructure.Database;
using Quartz;

namespace Astropal.Web.Infrastructure.Scheduling;

/// <summary>Settings of the <c>Scheduler</c> section.</summary>
public sealed class SchedulerOptions
{
    public const string SectionName = "Scheduler";

    /// <summary>Run Quartz and its jobs in this instance. Tests and one-off hosts turn it off.</summary>
    public bool Enabled { get; set; } = true;
}

public static class SchedulerSetup
{
    /// <summary>The Quartz file on the SQLite default, beside <c>astropal.db</c> but apart from it (Quartz serialises its own writes).</summary>
    public const string SqliteFileName = "quartz.db";

    /// <summary>
    /// Quartz with a persistent store: on SQLite its own <c>quartz.db</c> under Storage:DataDirectory; on SQL Server
    /// the app's database, clustered so several instances share the schedule. The QRTZ_ tables are provisioned by Quartz.
    /// Nothing is registered when <c>Scheduler:Enabled</c> is false.
    /// </summary>
    public static IHostApplicationBuilder AddAstropalScheduler(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<SchedulerOptions>().BindConfiguration(SchedulerOptions.SectionName).ValidateOnStart();

        // Read in the composition root: whether Quartz is registered at all is decided here.
        var enabled = !bool.TryParse(builder.Configuration["Scheduler:Enabled"], out var parsed) || parsed;
        if (!enabled)
        {
            return builder;
        }

        // The database the EF context uses (DatabaseTarget resolves it once): Quartz shares it on SQL Server, sits beside it on SQLite.
        var database = DatabaseTarget.For(builder);
        var provider = database.Provider;
        var connectionString = database.IsSqlServer ? database.ConnectionString : database.SqliteFile(SqliteFileName);

        var alertInterval = AlertJobs.IntervalFrom(builder.Configuration);
        builder.Services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = "astropal";
                // Each node of a SQL Server cluster needs its own id (the equivalent of instanceId = AUTO).
                o.GenerateInstanceId = provider == DatabaseProvider.SqlServer;
            });
            q.UsePersistentStore(store =>
            {
                if (provider == DatabaseProvider.SqlServer)
                {
                    store.UseSqlServer(connectionString);
                    store.UseClustering();
                }
                else
                {
                    store.UseSqlite(connectionString);
                }

                store.UseSystemTextJsonSerializer();
                store.ProvisionSchema();
            });

            // Each feature declares its own jobs' schedules.
            q.AddDeliveryJobs();
            q.AddContentJobs();
            q.AddNewsJobs();
            q.AddReaderJobs();
            q.AddBillingJobs();
            q.AddMetricJobs();
            q.AddAlertChannelJobs();
            q.AddAlertJobs(alertInterval);
            q.AddStatusJobs();
            // Read here: the schedule is fixed when Quartz is configured (ReportsOptions validates the value at startup).
            q.AddReportJobs(builder.Configuration["Reports:DailyAt"]);
            q.AddBackupJobs();

            // Paused jobs are vetoed however they fire; every run's outcome is kept for the jobs page.
            q.AddJobListeners();
        });
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return builder;
    }
}
