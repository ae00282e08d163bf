using System.Globalization;
using Astropal.Data;
using Astropal.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Metrics;

/// <summary>
/// The targets in force: an Admin's stored override, else <c>Metrics:Targets</c>. Changing one is audited as
/// <c>metrics.target-changed</c>; the direction (higher or lower is better) always comes from configuration.
/// </summary>
public sealed class MetricTargets(IDbContextFactory<AstropalDbContext> dbFactory, IOptionsMonitor<MetricTargetsOptions> options, AuditLog audit, TimeProvider clock)
{
    public const string ChangedAction = "metrics.target-changed";

    /// <summary>Each metric's effective target, by name.</summary>
    public async Task<IReadOnlyDictionary<string, MetricTarget>> EffectiveAsync(AstropalDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var stored = await db.MetricTargetOverrides.AsNoTracking().ToListAsync(cancellationToken);
        var configured = options.CurrentValue.ByName();
        return configured.ToDictionary(
            kv => kv.Key,
            kv => stored.FirstOrDefault(o => string.Equals(o.Metric, kv.Key, StringComparison.OrdinalIgnoreCase)) is { } o
                ? kv.Value.With(o.Target, o.AlertThreshold)
                : kv.Value,
            StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Stores an Admin's target and alert threshold for one metric; returns why not, or null when stored.</summary>
    public async Task<string?> SetAsync(string metric, double target, double alertThreshold, string actor, CancellationToken cancellationToken)
    {
        var definition = MetricDefinition.Find(metric);
        if (definition is null)
        {
            return $"There is no metric called '{metric}'.";
        }

        var configured = options.CurrentValue.ByName()[definition.Name];
        if (MetricTargetsValidator.Check(definition.Name, target, alertThreshold, configured.Direction) is { } problem)
        {
            return problem;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.MetricTargetOverrides.FirstOrDefaultAsync(o => o.Metric == definition.Name, cancellationToken);
        var before = row is null ? configured : configured.With(row.Target, row.AlertThreshold);
        if (row is null)
        {
            row = new MetricTargetOverride { Metric = definition.Name, ChangedBy = actor };
            db.MetricTargetOverrides.Add(row);
        }

        row.Target = target;
        row.AlertThreshold = alertThreshold;
        row.ChangedBy = actor;
        row.ChangedAt = clock.GetUtcNow();
        audit.Add(db, actor, ChangedAction, definition.Name, string.Create(
            CultureInfo.InvariantCulture,
            $"target {before.Target} → {target}, alert threshold {before.AlertThreshold} → {alertThreshold}"));
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
