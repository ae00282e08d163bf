using System.Globalization;
using Astropal.Data;
using Astropal.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Astropal.Web.Features.Alerts;

/// <summary>
/// What operators do with episodes: acknowledge a firing one (no more reminders), silence an open one until a time
/// (at most <see cref="MaxSilence"/> ahead), unsilence. Each is audited (<c>alert.acknowledged</c>, <c>alert.silenced</c>,
/// <c>alert.unsilenced</c>) and written to the episode's timeline; a refused action changes nothing.
/// </summary>
public sealed class AlertOperations(IDbContextFactory<AstropalDbContext> dbFactory, AuditLog audit, TimeProvider clock)
{
    public const string AcknowledgedAction = "alert.acknowledged";
    public const string SilencedAction = "alert.silenced";
    public const string UnsilencedAction = "alert.unsilenced";

    public static readonly TimeSpan MaxSilence = TimeSpan.FromDays(7);

    /// <summary>How far back resolved episodes are listed.</summary>
    public static readonly TimeSpan ResolvedShownFor = TimeSpan.FromDays(7);

    /// <summary>Open episodes and those resolved in the last seven days, newest first, with their timelines.</summary>
    public async Task<IReadOnlyList<AlertEpisode>> EpisodesAsync(CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow() - ResolvedShownFor;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var episodes = await db.AlertEpisodes.AsNoTracking()
            .Include(e => e.Events)
            .Where(e => e.ResolvedAt == null || e.ResolvedAt >= since)
            .ToListAsync(cancellationToken);
        foreach (var episode in episodes)
        {
            episode.Events.Sort((a, b) => a.At != b.At ? a.At.CompareTo(b.At) : a.Id.CompareTo(b.Id));
        }

        return episodes.OrderByDescending(e => e.StartedAt).ThenByDescending(e => e.Id).ToList();
    }

    /// <summary>One episode with its timeline, or null.</summary>
    public async Task<AlertEpisode?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var episode = await db.AlertEpisodes.AsNoTracking().Include(e => e.Events).FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        episode?.Events.Sort((a, b) => a.At != b.At ? a.At.CompareTo(b.At) : a.Id.CompareTo(b.Id));
        return episode;
    }

    public Task<AlertActionOutcome> AcknowledgeAsync(long id, string actor, CancellationToken cancellationToken) =>
        ChangeAsync(id, actor, (episode, now) =>
        {
            if (episode.State != AlertEpisodeState.Firing)
            {
                return (episode.State == AlertEpisodeState.Resolved ? "This alert is resolved; there is nothing to acknowledge." : "Only a firing alert can be acknowledged; this one is still pending.", null, null);
            }

            if (episode.AcknowledgedAt is not null)
            {
                return ($"This alert was already acknowledged by {episode.AcknowledgedBy}.", null, null);
            }

            episode.AcknowledgedAt = now;
            episode.AcknowledgedBy = actor;
            return (null, AcknowledgedAction, AlertEventKinds.Acknowledged);
        },
        _ => "acknowledged; no more reminders", cancellationToken);

    public Task<AlertActionOutcome> SilenceAsync(long id, DateTimeOffset until, string actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (until <= now)
        {
            return Task.FromResult(AlertActionOutcome.Refused("The silence must end in the future."));
        }

        if (until > now + MaxSilence)
        {
            return Task.FromResult(AlertActionOutcome.Refused("An alert can be silenced for at most 7 days."));
        }

        return ChangeAsync(id, actor, (episode, _) =>
        {
            if (episode.ResolvedAt is not null)
            {
                return ("This alert is resolved; there is nothing to silence.", null, null);
            }

            episode.SilencedUntil = until;
            episode.SilencedBy = actor;
            return (null, SilencedAction, AlertEventKinds.Silenced);
        },
        _ => "until " + until.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture), cancellationToken);
    }

    public Task<AlertActionOutcome> UnsilenceAsync(long id, string actor, CancellationToken cancellationToken) =>
        ChangeAsync(id, actor, (episode, now) =>
        {
            if (!(episode.SilencedUntil > now))
            {
                return ("This alert is not silenced.", null, null);
            }

            episode.SilencedUntil = null;
            episode.SilencedBy = null;
            return (null, UnsilencedAction, AlertEventKinds.Unsilenced);
        },
        _ => "reminders resume", cancellationToken);

    private async Task<AlertActionOutcome> ChangeAsync(
        long id,
        string actor,
        Func<AlertEpisode, DateTimeOffset, (string? Error, string? Action, string? Kind)> change,
        Func<AlertEpisode, string> detail,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var episode = await db.AlertEpisodes.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (episode is null)
        {
            return AlertActionOutcome.NotFound;
        }

        var (error, action, kind) = change(episode, now);
        if (error is not null)
        {
            return AlertActionOutcome.Refused(error);
        }

        var text = detail(episode);
        episode.Version++;
        db.AlertEpisodeEvents.Add(new AlertEpisodeEvent { EpisodeId = episode.Id, At = now, Kind = kind!, Actor = actor, Detail = text });
        audit.Add(db, actor, action!, $"{episode.Rule}#{episode.Id}", text);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return AlertActionOutcome.Refused("The alert changed meanwhile (an evaluation ran); reload and try again.");
        }

        return AlertActionOutcome.Done;
    }
}
