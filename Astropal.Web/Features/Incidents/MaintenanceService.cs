using System.Globalization;
using Astropal.Data;
using Astropal.Web.Features.Audit;
using Astropal.Web.Features.Status;
using Microsoft.EntityFrameworkCore;

namespace Astropal.Web.Features.Incidents;

/// <summary>
/// Scheduled maintenance windows: schedule (title, message, start and end in UTC with end after start and in the future,
/// at least one component), change one that has not ended, cancel one that has not ended. Refused input changes nothing;
/// every change is audited (<c>maintenance.scheduled</c>, <c>maintenance.updated</c>, <c>maintenance.cancelled</c>) and
/// refreshes the status snapshot after its commit.
/// </summary>
public sealed partial class MaintenanceService(
    IDbContextFactory<AstropalDbContext> dbFactory,
    IncidentRules rules,
    IStatusRefresh status,
    AuditLog audit,
    TimeProvider clock,
    ILogger<MaintenanceService> logger)
{
    public const string ScheduledAction = "maintenance.scheduled";
    public const string UpdatedAction = "maintenance.updated";
    public const string CancelledAction = "maintenance.cancelled";

    /// <summary>How long past and cancelled windows stay in the list.</summary>
    public static readonly TimeSpan PastListedFor = TimeSpan.FromDays(90);

    public static string Target(long id) => "maintenance:" + id.ToString(CultureInfo.InvariantCulture);

    public static MaintenancePhase PhaseOf(Maintenance window, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(window);
        return window.CancelledAt is not null ? MaintenancePhase.Cancelled
            : now < window.StartsAt ? MaintenancePhase.Upcoming
            : now < window.EndsAt ? MaintenancePhase.Active
            : MaintenancePhase.Past;
    }

    /// <summary>Active and upcoming windows (soonest first), then past and cancelled ones of the last 90 days (latest first).</summary>
    public async Task<IReadOnlyList<Maintenance>> ListAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var since = now - PastListedFor;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var windows = await db.Maintenances.AsNoTracking().Include(m => m.Components)
            .Where(m => m.EndsAt >= since)
            .ToListAsync(cancellationToken);
        return windows
            .OrderBy(m => PhaseOf(m, now) switch { MaintenancePhase.Active => 0, MaintenancePhase.Upcoming => 1, _ => 2 })
            .ThenBy(m => PhaseOf(m, now) is MaintenancePhase.Active or MaintenancePhase.Upcoming ? m.StartsAt.UtcTicks : -m.EndsAt.UtcTicks)
            .ThenBy(m => m.Id)
            .ToList();
    }

    public async Task<Maintenance?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Maintenances.AsNoTracking().Include(m => m.Components).FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
    }

    public async Task<IncidentOutcome> ScheduleAsync(MaintenanceDraft draft, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var now = clock.GetUtcNow();
        var (errors, title, message, components) = Check(draft, now);
        if (errors.Count > 0)
        {
            return IncidentOutcome.Refused(IncidentRules.Freeze(errors));
        }

        long id;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            id = await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
            {
                await using var work = await dbFactory.CreateDbContextAsync(ct);
                await using var transaction = await work.Database.BeginTransactionAsync(ct);
                var window = new Maintenance
                {
                    Title = title,
                    Message = message,
                    StartsAt = draft.StartsAt!.Value.ToUniversalTime(),
                    EndsAt = draft.EndsAt!.Value.ToUniversalTime(),
                    CreatedAt = now,
                    UpdatedAt = now,
                    CreatedBy = actor,
                };
                window.Components.AddRange(components.Select(c => new MaintenanceComponent { Component = c }));
                work.Maintenances.Add(window);
                await work.SaveChangesAsync(ct);

                // Saved first so the audit entry names the window; both commit together or not at all.
                audit.Add(work, actor, ScheduledAction, Target(window.Id), Describe(window));
                await work.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return window.Id;
            }, cancellationToken);
        }

        await AfterCommitAsync(cancellationToken);
        return IncidentOutcome.Done(id);
    }

    /// <summary>Changes a window that has not ended and is not cancelled.</summary>
    public async Task<IncidentOutcome> UpdateAsync(long id, MaintenanceDraft draft, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var window = await db.Maintenances.Include(m => m.Components).FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (window is null)
        {
            return NotFound(id);
        }

        if (Closed(window, now) is { } closed)
        {
            return IncidentOutcome.Refused("id", closed);
        }

        var (errors, title, message, components) = Check(draft, now);
        if (errors.Count > 0)
        {
            return IncidentOutcome.Refused(IncidentRules.Freeze(errors));
        }

        window.Title = title;
        window.Message = message;
        window.StartsAt = draft.StartsAt!.Value.ToUniversalTime();
        window.EndsAt = draft.EndsAt!.Value.ToUniversalTime();
        window.UpdatedAt = now;
        window.Components.RemoveAll(c => !components.Contains(c.Component));
        window.Components.AddRange(components.Where(c => window.Components.All(w => w.Component != c)).Select(c => new MaintenanceComponent { MaintenanceId = id, Component = c }));
        audit.Add(db, actor, UpdatedAction, Target(id), Describe(window));
        await db.SaveChangesAsync(cancellationToken);
        await AfterCommitAsync(cancellationToken);
        return IncidentOutcome.Done(id);
    }

    /// <summary>Cancels a window that has not ended (an active one ends now); its row is kept.</summary>
    public async Task<IncidentOutcome> CancelAsync(long id, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var window = await db.Maintenances.Include(m => m.Components).FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (window is null)
        {
            return NotFound(id);
        }

        if (Closed(window, now) is { } closed)
        {
            return IncidentOutcome.Refused("id", closed);
        }

        var phase = PhaseOf(window, now);
        window.CancelledAt = now;
        window.UpdatedAt = now;
        audit.Add(db, actor, CancelledAction, Target(id), $"{phase.ToString().ToLowerInvariant()} window cancelled: {window.Title}");
        await db.SaveChangesAsync(cancellationToken);
        await AfterCommitAsync(cancellationToken);
        return IncidentOutcome.Done(id);
    }

    private (Dictionary<string, List<string>> Errors, string Title, string Message, List<string> Components) Check(MaintenanceDraft draft, DateTimeOffset now)
    {
        var errors = new Dictionary<string, List<string>>();
        var title = IncidentRules.Text(errors, "title", "title", draft.Title, IncidentRules.TitleLength);
        var message = IncidentRules.Text(errors, "message", "message", draft.Message, IncidentRules.MessageLength);
        if (draft.StartsAt is null)
        {
            IncidentRules.Add(errors, "startsAt", "startsAt is required (UTC, e.g. 2026-12-06T02:00:00Z).");
        }

        if (draft.EndsAt is null)
        {
            IncidentRules.Add(errors, "endsAt", "endsAt is required (UTC, e.g. 2026-12-06T03:00:00Z).");
        }
        else if (draft.StartsAt is { } start && draft.EndsAt <= start)
        {
            IncidentRules.Add(errors, "endsAt", "The window must end after it starts.");
        }
        else if (draft.EndsAt <= now)
        {
            IncidentRules.Add(errors, "endsAt", "The window must end in the future.");
        }

        var components = rules.Components(errors, draft.Components, required: true);
        return (errors, title, message, components);
    }

    private static string? Closed(Maintenance window, DateTimeOffset now) => PhaseOf(window, now) switch
    {
        MaintenancePhase.Cancelled => "This maintenance window is already cancelled.",
        MaintenancePhase.Past => "This maintenance window has already ended.",
        _ => null,
    };

    private string Describe(Maintenance window) =>
        $"{Utc(window.StartsAt)}–{Utc(window.EndsAt)} UTC, {string.Join(", ", window.Components.Select(c => rules.Catalog.NameOf(c.Component)))}: {window.Title}";

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static IncidentOutcome NotFound(long id) =>
        IncidentOutcome.NotFound(string.Create(CultureInfo.InvariantCulture, $"There is no maintenance window {id}."));

    private async Task AfterCommitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await status.RefreshAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.RefreshFailed(logger, ex);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "The status snapshot could not be refreshed after a maintenance change; the next refresh will show it")]
        public static partial void RefreshFailed(ILogger logger, Exception exception);
    }
}
