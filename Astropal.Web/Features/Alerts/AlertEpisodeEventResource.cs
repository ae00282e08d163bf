namespace Astropal.Web.Features.Alerts;

/// <summary>A line of an episode's timeline in the operator API.</summary>
public sealed record AlertEpisodeEventResource(DateTimeOffset At, string Kind, string? Actor, string? Detail);
