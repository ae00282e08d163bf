using Astropal.Data;

namespace Astropal.Web.Features.Alerts;

/// <summary>
/// Queues an episode's message (firing, reminder or resolved) for every configured channel that takes it
/// (<c>MinSeverity</c>, rule filter): adds <see cref="AlertNotification"/> rows to <paramref name="db"/> without saving,
/// so the caller saves them in the same transaction as the episode change and each message goes out once.
/// </summary>
public interface IAlertOutbox
{
    /// <summary>Adds one pending notification per matching channel; returns how many.</summary>
    int Enqueue(AstropalDbContext db, AlertEpisode episode, string kind, DateTimeOffset now);

    /// <summary>
    /// Adds one pending <see cref="AlertMessageKinds.Incident"/> message per channel that takes it (rule name
    /// <see cref="AlertMessageKinds.IncidentRule"/>, the incident's severity mapped to an alert severity) for the saved
    /// <paramref name="incident"/> (it needs its id); returns how many.
    /// </summary>
    int EnqueueIncident(AstropalDbContext db, Incident incident, IReadOnlyList<string> components, DateTimeOffset now);
}
