using Astropal.Core.Branding;
using Astropal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Status;

/// <summary>
/// Reads what the public outputs show: the components' shown states, their 90-day changes (one query over the window, plus
/// one index seek per component for its state when the window opened), the incidents of the last 90 days with their public
/// updates only, and the maintenance windows not cancelled and not ended. Nothing operator-only is read.
/// </summary>
public sealed class StatusSnapshotBuilder(StatusComponentCatalog catalog, IOptions<BrandOptions> brand)
{
    public async Task<StatusSnapshot> BuildAsync(AstropalDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var windowStart = StatusUptime.WindowStart(now);
        var rows = await db.ComponentStates.AsNoTracking().ToListAsync(cancellationToken);
        var changes = (await db.ComponentStateChanges.AsNoTracking()
                .Where(c => c.At >= windowStart)
                .Select(c => new { c.Component, c.State, c.At })
                .ToListAsync(cancellationToken))
            .ToLookup(c => c.Component, StringComparer.OrdinalIgnoreCase);

        var components = new List<StatusComponentView>();
        foreach (var component in catalog.All)
        {
            var key = component.Key;
            var initial = await db.ComponentStateChanges.AsNoTracking()
                .Where(c => c.Component == key && c.At < windowStart)
                .OrderByDescending(c => c.At)
                .Select(c => (ComponentState?)c.State)
                .FirstOrDefaultAsync(cancellationToken);
            var row = rows.FirstOrDefault(r => string.Equals(r.Component, key, StringComparison.OrdinalIgnoreCase));
            var bars = StatusUptime.Bars(initial, changes[key].Select(c => (c.State, c.At)), now);
            components.Add(new StatusComponentView(key, component.Name, component.Order, row?.State ?? ComponentState.Operational, row?.Since ?? now, bars));
        }

        var incidents = await db.Incidents.AsNoTracking()
            .Where(i => i.Status != IncidentStatus.Resolved || i.ResolvedAt >= windowStart || i.CreatedAt >= windowStart)
            .OrderByDescending(i => i.CreatedAt)
            .AsSplitQuery()
            .Select(i => new
            {
                i.Id,
                i.Title,
                i.Severity,
                i.Status,
                i.CreatedAt,
                i.UpdatedAt,
                i.ResolvedAt,
                Updates = i.Updates.Select(u => new { u.Id, u.Status, u.Message, u.CreatedAt }).ToList(),
                Components = i.Components.Select(c => c.Component).ToList(),
            })
            .ToListAsync(cancellationToken);
        var history = incidents
            .Select(i => new PublicIncident(
                i.Id, i.Title, i.Severity, i.Status, i.CreatedAt, i.UpdatedAt, i.ResolvedAt,
                i.Updates.OrderByDescending(u => u.CreatedAt).ThenByDescending(u => u.Id).Select(u => new PublicIncidentUpdate(u.Id, u.Status, u.Message, u.CreatedAt)).ToList(),
                i.Components))
            .ToList();

        var maintenances = (await db.Maintenances.AsNoTracking()
                .Where(m => m.CancelledAt == null && m.EndsAt > now)
                .OrderBy(m => m.StartsAt)
                .Select(m => new { m.Id, m.Title, m.Message, m.StartsAt, m.EndsAt, m.CreatedAt, m.UpdatedAt, Components = m.Components.Select(c => c.Component).ToList() })
                .ToListAsync(cancellationToken))
            .Select(m => new PublicMaintenance(m.Id, m.Title, m.Message, m.StartsAt, m.EndsAt, m.CreatedAt, m.UpdatedAt, m.Components))
            .ToList();

        var active = history.Where(i => i.Status != IncidentStatus.Resolved).ToList();
        var snapshot = new StatusSnapshot(now, StatusIndicator.From(components.Select(c => c.State), active), components, active, history, maintenances);
        var page = new StatusPageInfo(brand.Value.Name, brand.Value.Absolute("/status"));
        return snapshot with
        {
            SummaryJson = StatusJson.Summary(snapshot, page),
            HistoryJson = StatusJson.History(snapshot, page),
            AtomFeed = StatusAtomFeed.Write(snapshot, page, catalog),
        };
    }
}
