namespace Astropal.Web.Features.Incidents;

/// <summary>
/// The body of <c>POST /api/ops/incidents</c>: <c>severity</c> P1..P4, <c>status</c> investigating|identified|monitoring
/// (default investigating), <c>message</c> (the first public update), <c>components</c> {"&lt;name or key&gt;":
/// "&lt;operational|degraded_performance|partial_outage|major_outage|under_maintenance&gt;"}, <c>notifyReaders</c> (all
/// active readers get the incident notice), optional <c>alertEpisodeIds</c>.
/// </summary>
public sealed record IncidentOpenRequest(
    string? Title,
    string? Severity,
    string? Status,
    string? Message,
    Dictionary<string, string>? Components,
    bool NotifyReaders = false,
    List<long>? AlertEpisodeIds = null);
