using Astropal.Data;

namespace Astropal.Web.Features.Alerts;

/// <summary>One episode as <c>GET /api/ops/alerts</c> answers it; <c>state</c> is pending, firing or resolved.</summary>
public sealed record AlertEpisodeResource(
    long Id,
    string Rule,
    string Metric,
    string Severity,
    string State,
    double? Value,
    double Threshold,
    DateTimeOffset StartedAt,
    DateTimeOffset? FiredAt,
    DateTimeOffset? ResolvedAt,
    bool Acknowledged,
    string? AcknowledgedBy,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? SilencedUntil,
    string? Runbook,
    IReadOnlyList<AlertEpisodeEventResource> Timeline)
{
    public static AlertEpisodeResource From(AlertEpisode episode, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(episode);
        return new(
            episode.Id, episode.Rule, episode.Metric, episode.Severity, episode.State.ToString().ToLowerInvariant(), episode.Value, episode.Threshold,
            episode.StartedAt, episode.FiredAt, episode.ResolvedAt, episode.AcknowledgedAt is not null, episode.AcknowledgedBy, episode.AcknowledgedAt,
            episode.SilencedUntil > now ? episode.SilencedUntil : null,
            episode.Runbook,
            episode.Events.Select(e => new AlertEpisodeEventResource(e.At, e.Kind, e.Actor, e.Detail)).ToList());
    }
}
