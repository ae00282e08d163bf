using Astropal.Data;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Alerts;

/// <summary>
/// Queues an episode's message for every enabled channel whose <c>MinSeverity</c> is met and whose rule filter matches:
/// one pending <see cref="AlertNotification"/> per channel, due now, carrying the webhook body. Nothing is saved here.
/// </summary>
public sealed class AlertOutbox(IOptions<AlertChannelsOptions> channels, AlertConsoleLink console) : IAlertOutbox
{
    public int Enqueue(AstropalDbContext db, AlertEpisode episode, string kind, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(episode);
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        var payload = PayloadFor(episode, kind).ToJson();
        var count = 0;
        foreach (var (name, channel) in channels.Value.Channels.OrderBy(c => c.Key, StringComparer.OrdinalIgnoreCase))
        {
            if (!channel.Takes(episode.Rule, episode.Severity))
            {
                continue;
            }

            var notification = new AlertNotification
            {
                EpisodeId = episode.Id,
                Channel = name,
                Kind = kind,
                Payload = payload,
                Status = AlertNotificationStatus.Pending,
                CreatedAt = now,
                NextAttemptAt = now,
            };
            db.AlertNotifications.Add(notification);
            LinkToNewEpisode(db, episode, notification);
            count++;
        }

        return count;
    }

    public int EnqueueIncident(AstropalDbContext db, Incident incident, IReadOnlyList<string> components, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(components);
        if (incident.Id <= 0)
        {
            throw new InvalidOperationException("Save the incident before queueing its message: the message carries its id.");
        }

        var severity = Incidents.IncidentSeverities.AlertSeverity(incident.Severity);
        var affected = components.Count == 0 ? "no component named" : string.Join(", ", components);
        var payload = new AlertPayload(
            "incident-" + incident.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            AlertMessageKinds.IncidentRule,
            "incident." + incident.Severity.ToString().ToLowerInvariant(),
            severity,
            AlertPayload.StateOf(AlertMessageKinds.Incident),
            null,
            0,
            incident.CreatedAt,
            null,
            null,
            console.IncidentUrl(incident.Id),
            $"{incident.Severity} {incident.Title} ({affected})").ToJson();
        var count = 0;
        foreach (var (name, channel) in channels.Value.Channels.OrderBy(c => c.Key, StringComparer.OrdinalIgnoreCase))
        {
            if (!channel.Takes(AlertMessageKinds.IncidentRule, severity))
            {
                continue;
            }

            db.AlertNotifications.Add(new AlertNotification
            {
                Channel = name,
                Kind = AlertMessageKinds.Incident,
                Payload = payload,
                Status = AlertNotificationStatus.Pending,
                CreatedAt = now,
                NextAttemptAt = now,
            });
            count++;
        }

        return count;
    }

    /// <summary>
    /// An episode added in the same unit of work has only a temporary key: the notification takes it, and EF replaces it
    /// with the real id on save (the body's id is filled in from <see cref="AlertNotification.EpisodeId"/> when sending).
    /// </summary>
    private static void LinkToNewEpisode(AstropalDbContext db, AlertEpisode episode, AlertNotification notification)
    {
        var episodeKey = db.Entry(episode).Property(e => e.Id);
        if (!episodeKey.IsTemporary)
        {
            return;
        }

        var foreignKey = db.Entry(notification).Property(n => n.EpisodeId);
        foreignKey.CurrentValue = episodeKey.CurrentValue;
        foreignKey.IsTemporary = true;
    }

    /// <summary>The webhook body of <paramref name="episode"/>'s <paramref name="kind"/> message.</summary>
    public AlertPayload PayloadFor(AlertEpisode episode, string kind)
    {
        ArgumentNullException.ThrowIfNull(episode);
        return new AlertPayload(
            episode.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            episode.Rule,
            episode.Metric,
            episode.Severity,
            AlertPayload.StateOf(kind),
            episode.Value,
            episode.Threshold,
            episode.StartedAt,
            kind == AlertMessageKinds.Resolved ? episode.ResolvedAt : null,
            console.Absolute(episode.Runbook),
            console.Url);
    }
}
