using System.Globalization;
using Astropal.Data;
using Microsoft.EntityFrameworkCore;

namespace Astropal.Web.Features.Status;

/// <summary>
/// Sets every component's shown state: an open (unresolved) incident's state for it if any (the worst of several), else
/// "under maintenance" during an active, not cancelled maintenance window covering it, else its derived state. Each change
/// of the shown state is recorded in <c>ComponentStateChanges</c> (source derived, incident or maintenance) in the same
/// save as the row's new state; the row's <see cref="ComponentCurrentState.Version"/> token makes a second instance that
/// computed the same change at the same moment fail its save and record nothing. Then the public snapshot is rebuilt.
/// </summary>
public sealed partial class StatusUpdater(
    IDbContextFactory<AstropalDbContext> dbFactory,
    StatusDerivation derivation,
    StatusComponentCatalog catalog,
    StatusSnapshotStore snapshots,
    TimeProvider clock,
    ILogger<StatusUpdater> logger) : IStatusRefresh
{
    public const string SourceDerived = "derived";
    public const string SourceIncident = "incident";
    public const string SourceMaintenance = "maintenance";

    /// <summary>The every-minute run: reads the health signals, stores the derived states, applies the overrides, rebuilds the snapshot.</summary>
    public async Task<int> DeriveAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        IReadOnlyList<DerivedComponentState> derived;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            derived = await derivation.DeriveAsync(db, now, cancellationToken);
        }

        var changes = await ApplyAsync(derived, now, cancellationToken);
        await snapshots.RebuildAsync(cancellationToken);
        return changes;
    }

    /// <summary>After an incident or maintenance change: applies the overrides to the stored derived states and rebuilds the snapshot.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await ApplyAsync(null, clock.GetUtcNow(), cancellationToken);
        await snapshots.RebuildAsync(cancellationToken);
    }

    /// <summary>Applies the precedence to every component; returns how many shown states changed.</summary>
    private async Task<int> ApplyAsync(IReadOnlyList<DerivedComponentState>? derived, DateTimeOffset now, CancellationToken cancellationToken)
    {
        List<(long Id, string Component, ComponentState State)> incidentStates;
        List<(long Id, string Component)> maintenanceComponents;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            incidentStates = (await db.IncidentComponents.AsNoTracking()
                    .Join(db.Incidents.Where(i => i.Status != IncidentStatus.Resolved), c => c.IncidentId, i => i.Id, (c, i) => new { i.Id, c.Component, c.State })
                    .ToListAsync(cancellationToken))
                .Select(x => (x.Id, x.Component, x.State)).ToList();
            maintenanceComponents = (await db.MaintenanceComponents.AsNoTracking()
                    .Join(db.Maintenances.Where(m => m.CancelledAt == null && m.StartsAt <= now && m.EndsAt > now), c => c.MaintenanceId, m => m.Id, (c, m) => new { m.Id, c.Component })
                    .ToListAsync(cancellationToken))
                .Select(x => (x.Id, x.Component)).ToList();
        }

        var changed = 0;
        foreach (var component in catalog.All)
        {
            var signal = derived?.FirstOrDefault(d => d.Component == component.Key);
            var incidents = incidentStates.Where(i => string.Equals(i.Component, component.Key, StringComparison.OrdinalIgnoreCase)).ToList();
            var maintenance = maintenanceComponents.Where(m => string.Equals(m.Component, component.Key, StringComparison.OrdinalIgnoreCase)).ToList();
            try
            {
                changed += await ApplyOneAsync(component.Key, signal, incidents, maintenance, now, cancellationToken) ? 1 : 0;
            }
            catch (DbUpdateException ex)
            {
                // Another instance changed this component first (the Version token, or the new row's key): its change stands.
                Log.Conflict(logger, component.Key, ex);
            }
        }

        return changed;
    }

    private static async Task<bool> ApplyOneAsync(
        AstropalDbContext db,
        string key,
        DerivedComponentState? signal,
        List<(long Id, string Component, ComponentState State)> incidents,
        List<(long Id, string Component)> maintenance,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var row = await db.ComponentStates.FirstOrDefaultAsync(c => c.Component == key, cancellationToken);
        if (row is null)
        {
            row = new ComponentCurrentState { Component = key, DerivedState = ComponentState.Operational, State = ComponentState.Operational, Since = now, CheckedAt = now };
            db.ComponentStates.Add(row);
        }

        if (signal is not null)
        {
            row.DerivedState = signal.State;
            row.DerivedReason = Cap(signal.Reason);
            row.CheckedAt = now;
        }

        var (shown, source, reason) = Shown(row, incidents, maintenance);
        var isNew = db.Entry(row).State == EntityState.Added;
        var changed = isNew || shown != row.State;
        if (changed)
        {
            row.State = shown;
            row.Since = now;
            row.Version++;
            db.ComponentStateChanges.Add(new ComponentStateChange { Component = key, State = shown, Source = source, Reason = Cap(reason), At = now });
        }

        await db.SaveChangesAsync(cancellationToken);
        return changed;
    }

    private async Task<bool> ApplyOneAsync(
        string key,
        DerivedComponentState? signal,
        List<(long Id, string Component, ComponentState State)> incidents,
        List<(long Id, string Component)> maintenance,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ApplyOneAsync(db, key, signal, incidents, maintenance, now, cancellationToken);
    }

    /// <summary>The precedence: open incidents (worst), then an active maintenance window, then the derived state.</summary>
    internal static (ComponentState State, string Source, string Reason) Shown(
        ComponentCurrentState row,
        IReadOnlyCollection<(long Id, string Component, ComponentState State)> incidents,
        IReadOnlyCollection<(long Id, string Component)> maintenance)
    {
        if (incidents.Count > 0)
        {
            var worst = StatusStates.Worst(incidents.Select(i => i.State));
            return (worst, SourceIncident, "open incident(s) " + string.Join(", ", incidents.Select(i => "#" + i.Id.ToString(CultureInfo.InvariantCulture))));
        }

        if (maintenance.Count > 0)
        {
            return (ComponentState.UnderMaintenance, SourceMaintenance, "maintenance window(s) " + string.Join(", ", maintenance.Select(m => "#" + m.Id.ToString(CultureInfo.InvariantCulture))));
        }

        return (row.DerivedState, SourceDerived, row.DerivedReason ?? "derived");
    }

    private static string Cap(string text) => text.Length > 500 ? text[..500] : text;

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Status component {Component} skipped: another instance changed it first")]
        public static partial void Conflict(ILogger logger, string component, Exception exception);
    }
}
