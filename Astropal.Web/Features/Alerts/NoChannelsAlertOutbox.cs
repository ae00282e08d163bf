using Astropal.Data;

namespace Astropal.Web.Features.Alerts;

/// <summary>
/// The outbox used when no alert channels are registered: queues nothing (the episode and its timeline are still
/// kept). The channels feature registers its own <see cref="IAlertOutbox"/> before <c>AddAstropalAlerts</c>, which then keeps it.
/// </summary>
public sealed class NoChannelsAlertOutbox : IAlertOutbox
{
    public int Enqueue(AstropalDbContext db, AlertEpisode episode, string kind, DateTimeOffset now) => 0;

    public int EnqueueIncident(AstropalDbContext db, Incident incident, IReadOnlyList<string> components, DateTimeOffset now) => 0;
}
