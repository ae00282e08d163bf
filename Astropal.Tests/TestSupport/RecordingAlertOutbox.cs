using Astropal.Data;
using Astropal.Web.Features.Alerts;

namespace Astropal.Tests.TestSupport;

/// <summary>
/// A stand-in for the channels' outbox: one <see cref="AlertNotification"/> row per message on a single channel
/// called "test", added to the caller's context (so a message exists only if the evaluator's change was saved).
/// <see cref="OnEnqueue"/> lets a test act in the middle of an evaluation (e.g. a second evaluator's write).
/// </summary>
internal sealed class RecordingAlertOutbox : IAlertOutbox
{
    public const string Channel = "test";

    public Action<AlertEpisode, string>? OnEnqueue { get; set; }

    public int Enqueue(AstropalDbContext db, AlertEpisode episode, string kind, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(episode);
        db.AlertNotifications.Add(new AlertNotification
        {
            EpisodeId = episode.Id,
            Channel = Channel,
            Kind = kind,
            Payload = $"{{\"rule\":\"{episode.Rule}\",\"state\":\"{kind}\"}}",
            CreatedAt = now,
            NextAttemptAt = now,
        });
        OnEnqueue?.Invoke(episode, kind);
        return 1;
    }

    public int EnqueueIncident(AstropalDbContext db, Incident incident, IReadOnlyList<string> components, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(incident);
        db.AlertNotifications.Add(new AlertNotification
        {
            Channel = Channel,
            Kind = AlertMessageKinds.Incident,
            Payload = $"{{\"id\":\"incident-{incident.Id}\",\"state\":\"incident\"}}",
            CreatedAt = now,
            NextAttemptAt = now,
        });
        return 1;
    }
}
