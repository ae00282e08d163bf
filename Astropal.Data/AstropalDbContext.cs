using Astropal.Core.Content;
using Astropal.Core.Delivery;
using Astropal.Core.Readers;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Astropal.Data;

/// <summary>
/// The product's model, shared by both providers. Each provider has a derived context with
/// its own migrations (Migrations/Sqlite, Migrations/SqlServer); every model change adds both.
/// </summary>
public abstract class AstropalDbContext(DbContextOptions options)
    : IdentityDbContext<OperatorUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    /// <summary>The Data Protection key ring, shared by every app instance (link tokens stay valid across instances and restarts).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Reader> Readers => Set<Reader>();

    public DbSet<PerspectiveChange> PerspectiveChanges => Set<PerspectiveChange>();

    public DbSet<ReaderToken> ReaderTokens => Set<ReaderToken>();

    public DbSet<Segment> Segments => Set<Segment>();

    public DbSet<LlmCall> LlmCalls => Set<LlmCall>();

    public DbSet<LlmBudgetEvent> LlmBudgetEvents => Set<LlmBudgetEvent>();

    public DbSet<NewsHeadline> NewsHeadlines => Set<NewsHeadline>();

    public DbSet<DeliveryRecord> Deliveries => Set<DeliveryRecord>();

    public DbSet<SuppressedAddress> SuppressedAddresses => Set<SuppressedAddress>();

    public DbSet<EngagementEvent> EngagementEvents => Set<EngagementEvent>();

    public DbSet<ProcessedWebhookEvent> ProcessedWebhookEvents => Set<ProcessedWebhookEvent>();

    public DbSet<Core.Billing.ReaderBilling> ReaderBillings => Set<Core.Billing.ReaderBilling>();

    public DbSet<JobPause> JobPauses => Set<JobPause>();

    public DbSet<JobRunRecord> JobRuns => Set<JobRunRecord>();

    public DbSet<OperatorApiKey> OperatorApiKeys => Set<OperatorApiKey>();

    public DbSet<MetricSample> MetricSamples => Set<MetricSample>();

    public DbSet<RequestMinute> RequestMinutes => Set<RequestMinute>();

    public DbSet<MetricTargetOverride> MetricTargetOverrides => Set<MetricTargetOverride>();

    public DbSet<AlertEpisode> AlertEpisodes => Set<AlertEpisode>();

    public DbSet<AlertEpisodeEvent> AlertEpisodeEvents => Set<AlertEpisodeEvent>();

    public DbSet<AlertNotification> AlertNotifications => Set<AlertNotification>();

    public DbSet<DailyReportSend> DailyReportSends => Set<DailyReportSend>();

    public DbSet<ComponentCurrentState> ComponentStates => Set<ComponentCurrentState>();

    public DbSet<ComponentStateChange> ComponentStateChanges => Set<ComponentStateChange>();

    public DbSet<Incident> Incidents => Set<Incident>();

    public DbSet<IncidentUpdate> IncidentUpdates => Set<IncidentUpdate>();

    public DbSet<IncidentComponent> IncidentComponents => Set<IncidentComponent>();

    public DbSet<IncidentNote> IncidentNotes => Set<IncidentNote>();

    public DbSet<IncidentAlertLink> IncidentAlertLinks => Set<IncidentAlertLink>();

    public DbSet<Maintenance> Maintenances => Set<Maintenance>();

    public DbSet<MaintenanceComponent> MaintenanceComponents => Set<MaintenanceComponent>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AstropalDbContext).Assembly);
    }
}
