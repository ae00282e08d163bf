using System.Globalization;
using Astropal.Data;
using Astropal.Web.Features.Alerts;
using Astropal.Web.Features.Audit;
using Astropal.Web.Features.Status;
using Microsoft.EntityFrameworkCore;

namespace Astropal.Web.Features.Incidents;

/// <summary>
/// The one place for the incident rules, used by the console and the operator API: open (the opening message is the first
/// public update), post updates (status only forward; a resolved incident reopens within 7 days), internal notes, the
/// post-mortem (after resolution) and links to alert episodes. Bad input is refused with a reason per field and changes
/// nothing; every change is audited in the same transaction; a concurrent change (<see cref="Incident.Version"/>) is
/// refused. After each commit the status snapshot is refreshed; a P1 or P2 opened queues a message for the alert
/// channels; resolving sends the readers who got the incident notice its "resolved" notice.
/// </summary>
public sealed partial class IncidentService(
    IDbContextFactory<AstropalDbContext> dbFactory,
    IncidentRules rules,
    IAlertOutbox outbox,
    IStatusRefresh status,
    IIncidentReaderNotices notices,
    AuditLog audit,
    TimeProvider clock,
    ILogger<IncidentService> logger)
{
    public const string OpenedAction = "incident.opened";
    public const string UpdatedAction = "incident.updated";
    public const string ResolvedAction = "incident.resolved";
    public const string ReopenedAction = "incident.reopened";
    public const string NoteAddedAction = "incident.note-added";
    public const string PostMortemSavedAction = "incident.postmortem-saved";
    public const string AlertLinkedAction = "incident.alert-linked";
    public const string AlertUnlinkedAction = "incident.alert-unlinked";

    /// <summary>How long resolved incidents stay in the console's and the API's list.</summary>
    public static readonly TimeSpan ResolvedListedFor = TimeSpan.FromDays(90);

    /// <summary>The audit target and delivery-ledger reference of an incident: <c>incident:42</c>.</summary>
    public static string Target(long id) => "incident:" + id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Open incidents (newest first), then those resolved in the last 90 days (latest resolution first).</summary>
    public async Task<IReadOnlyList<Incident>> ListAsync(IncidentListFilter filter, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow() - ResolvedListedFor;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        IQueryable<Incident> query = db.Incidents.AsNoTracking().Include(i => i.Components).Include(i => i.Updates).AsSplitQuery();
        query = filter switch
        {
            IncidentListFilter.Open => query.Where(i => i.ResolvedAt == null),
            IncidentListFilter.Resolved => query.Where(i => i.ResolvedAt != null && i.ResolvedAt >= since),
            _ => query.Where(i => i.ResolvedAt == null || i.ResolvedAt >= since),
        };
        var incidents = await query.ToListAsync(cancellationToken);
        foreach (var incident in incidents)
        {
            SortUpdates(incident);
        }

        return incidents
            .OrderBy(i => i.ResolvedAt is null ? 0 : 1)
            .ThenByDescending(i => i.ResolvedAt ?? i.CreatedAt)
            .ThenByDescending(i => i.Id)
            .ToList();
    }

    /// <summary>One incident with its updates (oldest first), components, notes (oldest first) and alert links; or null.</summary>
    public async Task<Incident?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var incident = await db.Incidents.AsNoTracking()
            .Include(i => i.Updates).Include(i => i.Components).Include(i => i.Notes).Include(i => i.AlertLinks)
            .AsSplitQuery()
            .FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (incident is not null)
        {
            SortUpdates(incident);
            incident.Notes.Sort((a, b) => a.CreatedAt != b.CreatedAt ? a.CreatedAt.CompareTo(b.CreatedAt) : a.Id.CompareTo(b.Id));
        }

        return incident;
    }

    /// <summary>The alert episodes linked to an incident (for the console and the API), oldest first.</summary>
    public async Task<IReadOnlyList<AlertEpisode>> LinkedEpisodesAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AlertEpisodes.AsNoTracking()
            .Where(e => db.IncidentAlertLinks.Any(l => l.IncidentId == id && l.AlertEpisodeId == e.Id))
            .OrderBy(e => e.StartedAt).ThenBy(e => e.Id)
            .ToListAsync(cancellationToken);
    }

    public async Task<IncidentOutcome> OpenAsync(IncidentDraft draft, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var errors = new Dictionary<string, List<string>>();
        var title = IncidentRules.Text(errors, "title", "title", draft.Title, IncidentRules.TitleLength);
        var severity = IncidentRules.Severity(errors, draft.Severity);
        var state = IncidentRules.Status(errors, draft.Status, IncidentStatus.Investigating);
        if (!errors.ContainsKey("status") && state == IncidentStatus.Resolved)
        {
            IncidentRules.Add(errors, "status", "A new incident cannot start resolved; open it as investigating, identified or monitoring.");
        }

        var message = IncidentRules.Text(errors, "message", "message", draft.Message, IncidentRules.MessageLength);
        var components = rules.ComponentStates(errors, draft.Components);
        var episodeIds = (draft.AlertEpisodeIds ?? []).Distinct().ToList();
        if (episodeIds.Count > 0)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var known = await db.AlertEpisodes.Where(e => episodeIds.Contains(e.Id)).Select(e => e.Id).ToListAsync(cancellationToken);
            foreach (var missing in episodeIds.Except(known))
            {
                IncidentRules.Add(errors, "alertEpisodeIds", string.Create(CultureInfo.InvariantCulture, $"There is no alert episode {missing}."));
            }
        }

        if (errors.Count > 0)
        {
            return IncidentOutcome.Refused(IncidentRules.Freeze(errors));
        }

        var now = clock.GetUtcNow();
        var names = components.Keys.Select(rules.Catalog.NameOf).ToList();
        long id = 0;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var strategy = db.Database.CreateExecutionStrategy();
            id = await strategy.ExecuteAsync(async ct =>
            {
                await using var work = await dbFactory.CreateDbContextAsync(ct);
                await using var transaction = await work.Database.BeginTransactionAsync(ct);
                var incident = new Incident
                {
                    Title = title,
                    Severity = severity,
                    Status = state,
                    CreatedAt = now,
                    UpdatedAt = now,
                    CreatedBy = actor,
                    Version = 1,
                };
                incident.Updates.Add(new IncidentUpdate { Status = state, Message = message, CreatedAt = now, CreatedBy = actor });
                incident.Components.AddRange(components.Select(c => new IncidentComponent { Component = c.Key, State = c.Value }));
                incident.AlertLinks.AddRange(episodeIds.Select(e => new IncidentAlertLink { AlertEpisodeId = e }));
                work.Incidents.Add(incident);
                await work.SaveChangesAsync(ct);

                // Saved first so the channels' message and the audit entry carry the id; all commit together or not at all.
                var queued = IncidentSeverities.NotifiesAlertChannels(severity) ? outbox.EnqueueIncident(work, incident, names, now) : 0;
                audit.Add(work, actor, OpenedAction, Target(incident.Id),
                    $"{severity} {state.Wire()}: {title}; components: {Describe(components)}"
                    + (episodeIds.Count > 0 ? "; alert episodes " + string.Join(", ", episodeIds) : "")
                    + (IncidentSeverities.NotifiesAlertChannels(severity) ? string.Create(CultureInfo.InvariantCulture, $"; {queued} alert channel message(s) queued") : ""));
                await work.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return incident.Id;
            }, cancellationToken);
        }

        await AfterCommitAsync(cancellationToken);
        if (draft.NotifyReaders is { } audience)
        {
            await NotifyReadersAsync(id, audience, actor, cancellationToken);
        }

        return IncidentOutcome.Done(id);
    }

    /// <summary>Posts a public update: message, status (forward, or a reopening within 7 days) and component states.</summary>
    public async Task<IncidentOutcome> PostUpdateAsync(long id, IncidentUpdateDraft draft, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var errors = new Dictionary<string, List<string>>();
        var message = IncidentRules.Text(errors, "message", "message", draft.Message, IncidentRules.MessageLength);
        var components = rules.ComponentStates(errors, draft.Components);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var incident = await db.Incidents.Include(i => i.Components).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (incident is null)
        {
            return NotFound(id);
        }

        var next = IncidentRules.Status(errors, draft.Status, incident.Status);
        var now = clock.GetUtcNow();
        if (!errors.ContainsKey("status") && IncidentRules.Transition(incident.Status, incident.ResolvedAt, next, now) is { } refused)
        {
            IncidentRules.Add(errors, "status", refused);
        }

        if (draft.ExpectedVersion is { } expected && expected != incident.Version)
        {
            IncidentRules.Add(errors, "version", "The incident changed since you opened it (another update was posted); reload and try again.");
        }

        if (errors.Count > 0)
        {
            return IncidentOutcome.Refused(IncidentRules.Freeze(errors));
        }

        var previous = incident.Status;
        var resolves = previous != IncidentStatus.Resolved && next == IncidentStatus.Resolved;
        var reopens = previous == IncidentStatus.Resolved && next != IncidentStatus.Resolved;
        incident.Status = next;
        incident.UpdatedAt = now;
        incident.Version++;
        if (resolves)
        {
            incident.ResolvedAt = now;
        }
        else if (reopens)
        {
            incident.ResolvedAt = null;
        }

        foreach (var (key, state) in components)
        {
            if (incident.Components.FirstOrDefault(c => c.Component == key) is { } existing)
            {
                existing.State = state;
            }
            else
            {
                incident.Components.Add(new IncidentComponent { IncidentId = incident.Id, Component = key, State = state });
            }
        }

        db.IncidentUpdates.Add(new IncidentUpdate { IncidentId = incident.Id, Status = next, Message = message, CreatedAt = now, CreatedBy = actor });
        var action = resolves ? ResolvedAction : reopens ? ReopenedAction : UpdatedAction;
        audit.Add(db, actor, action, Target(incident.Id),
            $"{previous.Wire()} → {next.Wire()}: {message}" + (components.Count > 0 ? "; components: " + Describe(components) : ""));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return IncidentOutcome.Refused("version", "The incident changed meanwhile (another update was posted); reload and try again.");
        }

        await AfterCommitAsync(cancellationToken);
        if (resolves)
        {
            await NotifyResolvedAsync(id, actor, cancellationToken);
        }

        if (draft.NotifyReaders is { } audience && next != IncidentStatus.Resolved)
        {
            await NotifyReadersAsync(id, audience, actor, cancellationToken);
        }

        return IncidentOutcome.Done(id);
    }

    /// <summary>Adds an internal note (operators only; never public).</summary>
    public async Task<IncidentOutcome> AddNoteAsync(long id, string? text, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var errors = new Dictionary<string, List<string>>();
        var note = IncidentRules.Text(errors, "text", "The note", text, IncidentRules.NoteLength);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Incidents.AnyAsync(i => i.Id == id, cancellationToken))
        {
            return NotFound(id);
        }

        if (errors.Count > 0)
        {
            return IncidentOutcome.Refused(IncidentRules.Freeze(errors));
        }

        db.IncidentNotes.Add(new IncidentNote { IncidentId = id, Text = note, CreatedAt = clock.GetUtcNow(), CreatedBy = actor });
        audit.Add(db, actor, NoteAddedAction, Target(id), note);
        await db.SaveChangesAsync(cancellationToken);
        return IncidentOutcome.Done(id);
    }

    /// <summary>Saves the post-mortem (Markdown); only once the incident is resolved.</summary>
    public async Task<IncidentOutcome> SavePostMortemAsync(long id, string? markdown, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var errors = new Dictionary<string, List<string>>();
        var text = IncidentRules.Text(errors, "postMortem", "The post-mortem", markdown, IncidentRules.PostMortemLength);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var incident = await db.Incidents.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (incident is null)
        {
            return NotFound(id);
        }

        if (incident.Status != IncidentStatus.Resolved)
        {
            IncidentRules.Add(errors, "postMortem", $"A post-mortem is written after resolution; this incident is {incident.Status.Wire()}.");
        }

        if (errors.Count > 0)
        {
            return IncidentOutcome.Refused(IncidentRules.Freeze(errors));
        }

        var now = clock.GetUtcNow();
        var first = incident.PostMortem is null;
        incident.PostMortem = text;
        incident.PostMortemAt = now;
        incident.Version++;
        audit.Add(db, actor, PostMortemSavedAction, Target(id),
            string.Create(CultureInfo.InvariantCulture, $"{(first ? "written" : "revised")}: {text.Length} characters"));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return IncidentOutcome.Refused("version", "The incident changed meanwhile; reload and try again.");
        }

        return IncidentOutcome.Done(id);
    }

    /// <summary>Links an alert episode to the incident (e.g. the one that started it).</summary>
    public async Task<IncidentOutcome> LinkAlertAsync(long id, long episodeId, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Incidents.AnyAsync(i => i.Id == id, cancellationToken))
        {
            return NotFound(id);
        }

        var episode = await db.AlertEpisodes.AsNoTracking().FirstOrDefaultAsync(e => e.Id == episodeId, cancellationToken);
        if (episode is null)
        {
            return IncidentOutcome.Refused("alertEpisodeId", string.Create(CultureInfo.InvariantCulture, $"There is no alert episode {episodeId}."));
        }

        if (await db.IncidentAlertLinks.AnyAsync(l => l.IncidentId == id && l.AlertEpisodeId == episodeId, cancellationToken))
        {
            return IncidentOutcome.Refused("alertEpisodeId", string.Create(CultureInfo.InvariantCulture, $"Alert episode {episodeId} is already linked."));
        }

        db.IncidentAlertLinks.Add(new IncidentAlertLink { IncidentId = id, AlertEpisodeId = episodeId });
        audit.Add(db, actor, AlertLinkedAction, Target(id), string.Create(CultureInfo.InvariantCulture, $"{episode.Rule}#{episode.Id}"));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return IncidentOutcome.Refused("alertEpisodeId", string.Create(CultureInfo.InvariantCulture, $"Alert episode {episodeId} is already linked."));
        }

        return IncidentOutcome.Done(id);
    }

    public async Task<IncidentOutcome> UnlinkAlertAsync(long id, long episodeId, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Incidents.AnyAsync(i => i.Id == id, cancellationToken))
        {
            return NotFound(id);
        }

        var link = await db.IncidentAlertLinks.FirstOrDefaultAsync(l => l.IncidentId == id && l.AlertEpisodeId == episodeId, cancellationToken);
        if (link is null)
        {
            return IncidentOutcome.Refused("alertEpisodeId", string.Create(CultureInfo.InvariantCulture, $"Alert episode {episodeId} is not linked to this incident."));
        }

        db.IncidentAlertLinks.Remove(link);
        audit.Add(db, actor, AlertUnlinkedAction, Target(id), string.Create(CultureInfo.InvariantCulture, $"episode {episodeId}"));
        await db.SaveChangesAsync(cancellationToken);
        return IncidentOutcome.Done(id);
    }

    /// <summary>Whether a resolved incident may still be reopened now.</summary>
    public bool CanReopen(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return incident.Status == IncidentStatus.Resolved && incident.ResolvedAt is { } at && clock.GetUtcNow() - at <= IncidentRules.ReopenWithin;
    }

    private static IncidentOutcome NotFound(long id) =>
        IncidentOutcome.NotFound(string.Create(CultureInfo.InvariantCulture, $"There is no incident {id}."));

    private string Describe(Dictionary<string, ComponentState> components) =>
        components.Count == 0 ? "none" : string.Join(", ", components.Select(c => $"{rules.Catalog.NameOf(c.Key)} {c.Value.Wire()}"));

    private static void SortUpdates(Incident incident) =>
        incident.Updates.Sort((a, b) => a.CreatedAt != b.CreatedAt ? a.CreatedAt.CompareTo(b.CreatedAt) : a.Id.CompareTo(b.Id));

    // The change is committed: a failing refresh or notice must not turn it into an error; the next refresh catches up.
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

    private async Task NotifyReadersAsync(long id, ReaderNoticeAudience audience, string actor, CancellationToken cancellationToken)
    {
        try
        {
            await notices.NotifyAsync(id, audience, actor, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.NoticeFailed(logger, id, ex);
        }
    }

    private async Task NotifyResolvedAsync(long id, string actor, CancellationToken cancellationToken)
    {
        try
        {
            await notices.NotifyResolvedAsync(id, actor, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.NoticeFailed(logger, id, ex);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "The status snapshot could not be refreshed after an incident change; the next refresh will show it")]
        public static partial void RefreshFailed(ILogger logger, Exception exception);

        [LoggerMessage(Level = LogLevel.Error, Message = "Queueing the reader notices of incident {IncidentId} failed")]
        public static partial void NoticeFailed(ILogger logger, long incidentId, Exception exception);
    }
}
