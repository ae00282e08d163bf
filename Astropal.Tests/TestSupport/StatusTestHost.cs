using Astropal.Data;
using Astropal.Web.Features.Delivery;
using Astropal.Web.Features.Jobs;
using Astropal.Web.Features.Status;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Astropal.Tests.TestSupport;

/// <summary>The metrics host plus the status feature and the job pauses (no Quartz: tests fire the dispatcher's bookkeeping themselves).</summary>
internal static class StatusTestHost
{
    public static Task<MetricsTestHost> StartAsync(string name, IDictionary<string, string?>? settings = null) =>
        MetricsTestHost.StartAsync(name, settings, builder =>
        {
            builder.AddAstropalJobs();
            builder.AddAstropalStatus();
        });

    public static Task<int> DeriveAsync(this MetricsTestHost host) => host.Get<StatusUpdater>().DeriveAsync(CancellationToken.None);

    /// <summary>What the scheduler does when the dispatcher's trigger fires: a paused job is vetoed (skipped), otherwise it runs and succeeds.</summary>
    public static async Task FireDispatcherAsync(this MetricsTestHost host)
    {
        var recorder = host.Get<JobRunRecorder>();
        if (await host.Get<JobPauses>().IsPausedAsync(DeliveryDispatchJob.Key, CancellationToken.None))
        {
            await recorder.RecordSkippedAsync(DeliveryDispatchJob.Key);
            return;
        }

        await recorder.RecordStartAsync(DeliveryDispatchJob.Key);
        await recorder.RecordEndAsync(DeliveryDispatchJob.Key, null);
    }

    public static async Task<ComponentCurrentState> ComponentAsync(this MetricsTestHost host, string key)
    {
        await using var db = await host.Db.CreateDbContextAsync();
        return await db.ComponentStates.AsNoTracking().SingleAsync(c => c.Component == key);
    }

    public static async Task<List<ComponentStateChange>> ChangesAsync(this MetricsTestHost host, string key)
    {
        await using var db = await host.Db.CreateDbContextAsync();
        return (await db.ComponentStateChanges.AsNoTracking().Where(c => c.Component == key).ToListAsync()).OrderBy(c => c.Id).ToList();
    }

    public static async Task<Incident> AddIncidentAsync(this MetricsTestHost host, string title, IncidentSeverity severity, params (string Component, ComponentState State)[] components)
    {
        var now = host.Time.GetUtcNow();
        var incident = new Incident { Title = title, Severity = severity, Status = IncidentStatus.Investigating, CreatedAt = now, UpdatedAt = now, CreatedBy = "ops@example.com" };
        incident.Updates.Add(new IncidentUpdate { Status = IncidentStatus.Investigating, Message = "We are looking into it.", CreatedAt = now, CreatedBy = "ops@example.com" });
        foreach (var (component, state) in components)
        {
            incident.Components.Add(new IncidentComponent { Component = component, State = state });
        }

        await host.AddAsync(incident);
        return incident;
    }

    public static async Task ResolveAsync(this MetricsTestHost host, long incidentId, string message = "Fixed.")
    {
        await using var db = await host.Db.CreateDbContextAsync();
        var incident = await db.Incidents.SingleAsync(i => i.Id == incidentId);
        var now = host.Time.GetUtcNow();
        incident.Status = IncidentStatus.Resolved;
        incident.ResolvedAt = now;
        incident.UpdatedAt = now;
        incident.Version++;
        db.IncidentUpdates.Add(new IncidentUpdate { IncidentId = incidentId, Status = IncidentStatus.Resolved, Message = message, CreatedAt = now, CreatedBy = "ops@example.com" });
        await db.SaveChangesAsync();
    }

    public static async Task<Maintenance> AddMaintenanceAsync(this MetricsTestHost host, DateTimeOffset startsAt, DateTimeOffset endsAt, params string[] components)
    {
        var now = host.Time.GetUtcNow();
        var maintenance = new Maintenance { Title = "Database upgrade", Message = "Emails may be delayed.", StartsAt = startsAt, EndsAt = endsAt, CreatedAt = now, UpdatedAt = now, CreatedBy = "ops@example.com" };
        foreach (var component in components)
        {
            maintenance.Components.Add(new MaintenanceComponent { Component = component });
        }

        await host.AddAsync(maintenance);
        return maintenance;
    }
}
