namespace Astropal.Web.Features.Alerts;

/// <summary><c>GET /api/ops/alerts</c>: the open episodes and those resolved in the last 7 days, newest first.</summary>
public sealed record AlertsResource(DateTimeOffset At, IReadOnlyList<AlertEpisodeResource> Episodes);
