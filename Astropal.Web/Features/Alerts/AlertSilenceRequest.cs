namespace Astropal.Web.Features.Alerts;

/// <summary>Body of <c>POST /api/ops/alerts/{id}/silence</c>: <c>{"until": "2026-12-02T08:00:00Z"}</c> (in the future, at most 7 days ahead).</summary>
public sealed record AlertSilenceRequest(DateTimeOffset? Until);
