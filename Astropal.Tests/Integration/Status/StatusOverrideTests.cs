using Astropal.Data;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Status;

namespace Astropal.Tests.Integration.Status;

/// <summary>The shown state's precedence (open incident, then maintenance, then derived), its recorded changes and the uptime bars.</summary>
public sealed class StatusOverrideTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task An_open_incident_overrides_the_derived_state_with_the_worst_of_its_incidents_and_its_end_restores_it()
    {
        await using var host = await StatusTestHost.StartAsync("status-incident");
        await host.DeriveAsync();

        var first = await host.AddIncidentAsync("Emails are late", IncidentSeverity.P2, (StatusComponentKeys.EmailDelivery, ComponentState.DegradedPerformance));
        var second = await host.AddIncidentAsync("Emails are not sent", IncidentSeverity.P1, (StatusComponentKeys.EmailDelivery, ComponentState.MajorOutage));
        host.Time.Advance(Minute);
        await host.Get<IStatusRefresh>().RefreshAsync(CancellationToken.None);

        var during = await host.ComponentAsync(StatusComponentKeys.EmailDelivery);
        Assert.Equal(ComponentState.MajorOutage, during.State);
        Assert.Equal(ComponentState.Operational, during.DerivedState);
        var snapshot = host.Get<StatusSnapshotStore>().Current!;
        Assert.Equal("critical", snapshot.Status.Indicator);
        Assert.Equal(2, snapshot.ActiveIncidents.Count);

        host.Time.Advance(Minute);
        await host.ResolveAsync(second.Id);
        await host.Get<IStatusRefresh>().RefreshAsync(CancellationToken.None);
        Assert.Equal(ComponentState.DegradedPerformance, (await host.ComponentAsync(StatusComponentKeys.EmailDelivery)).State);

        host.Time.Advance(Minute);
        await host.ResolveAsync(first.Id);
        await host.Get<IStatusRefresh>().RefreshAsync(CancellationToken.None);
        Assert.Equal(ComponentState.Operational, (await host.ComponentAsync(StatusComponentKeys.EmailDelivery)).State);

        var changes = await host.ChangesAsync(StatusComponentKeys.EmailDelivery);
        Assert.Equal(
            [(ComponentState.Operational, "derived"), (ComponentState.MajorOutage, "incident"), (ComponentState.DegradedPerformance, "incident"), (ComponentState.Operational, "derived")],
            changes.Select(c => (c.State, c.Source)));
        var after = host.Get<StatusSnapshotStore>().Current!;
        Assert.Empty(after.ActiveIncidents);
        Assert.Equal(2, after.History.Count);
        Assert.Equal("none", after.Status.Indicator);
    }

    [Fact]
    public async Task A_maintenance_window_shows_under_maintenance_while_it_lasts_unless_cancelled()
    {
        await using var host = await StatusTestHost.StartAsync("status-maintenance");
        var now = host.Time.GetUtcNow();
        await host.AddMaintenanceAsync(now.AddMinutes(10), now.AddMinutes(40), StatusComponentKeys.Database);
        var cancelled = await host.AddMaintenanceAsync(now.AddMinutes(10), now.AddMinutes(40), StatusComponentKeys.Website);
        await using (var db = await host.Db.CreateDbContextAsync())
        {
            db.Maintenances.Attach(cancelled);
            cancelled.CancelledAt = now;
            await db.SaveChangesAsync();
        }

        await host.DeriveAsync();
        Assert.Equal(ComponentState.Operational, (await host.ComponentAsync(StatusComponentKeys.Database)).State);
        var upcoming = Assert.Single(host.Get<StatusSnapshotStore>().Current!.Maintenances);
        Assert.Equal("scheduled", upcoming.StatusAt(now));

        host.Time.Advance(TimeSpan.FromMinutes(10));
        await host.DeriveAsync();
        Assert.Equal(ComponentState.UnderMaintenance, (await host.ComponentAsync(StatusComponentKeys.Database)).State);
        Assert.Equal(ComponentState.Operational, (await host.ComponentAsync(StatusComponentKeys.Website)).State);

        host.Time.Advance(TimeSpan.FromMinutes(30));
        await host.DeriveAsync();
        Assert.Equal(ComponentState.Operational, (await host.ComponentAsync(StatusComponentKeys.Database)).State);
        Assert.Equal(
            [(ComponentState.Operational, "derived"), (ComponentState.UnderMaintenance, "maintenance"), (ComponentState.Operational, "derived")],
            (await host.ChangesAsync(StatusComponentKeys.Database)).Select(c => (c.State, c.Source)));

        // The bar of today: the worst state of the day and the 30 minutes not operational.
        var today = host.Get<StatusSnapshotStore>().Current!.Components.Single(c => c.Key == StatusComponentKeys.Database).Days[^1];
        Assert.Equal((ComponentState.UnderMaintenance, 30), (today.Worst, today.MinutesNotOperational));
    }

    [Fact]
    public async Task Two_instances_deriving_the_same_change_at_once_record_it_once()
    {
        await using var host = await StatusTestHost.StartAsync("status-two");
        await using var other = await MetricsTestHost.StartAsync("status-two-b", null, b =>
        {
            Astropal.Web.Features.Jobs.JobsSetup.AddAstropalJobs(b);
            b.AddAstropalStatus();
        }, host.DataDirectory, host.Time);
        await host.DeriveAsync();
        await host.AddIncidentAsync("Down", IncidentSeverity.P1, (StatusComponentKeys.Website, ComponentState.MajorOutage));

        await Task.WhenAll(host.Get<IStatusRefresh>().RefreshAsync(CancellationToken.None), other.Get<IStatusRefresh>().RefreshAsync(CancellationToken.None));

        Assert.Single(await host.ChangesAsync(StatusComponentKeys.Website), c => c.State == ComponentState.MajorOutage);
    }
}
