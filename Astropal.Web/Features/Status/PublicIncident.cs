using Astropal.Data;

namespace Astropal.Web.Features.Status;

/// <summary>
/// An incident's public face: title, severity (as the Statuspage impact), status, times, public updates (newest first) and
/// affected component keys. Notes, alert links, the post-mortem and who opened it are deliberately not here.
/// </summary>
public sealed record PublicIncident(
    long Id,
    string Name,
    IncidentSeverity Severity,
    IncidentStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ResolvedAt,
    IReadOnlyList<PublicIncidentUpdate> Updates,
    IReadOnlyList<string> Components)
{
    /// <summary>The Statuspage impact of the launch plan's severity: P1 critical, P2 major, P3 minor, P4 none.</summary>
    public string Impact => ImpactOf(Severity);

    /// <summary>When the first update that set "monitoring" was posted, or null.</summary>
    public DateTimeOffset? MonitoringAt => Updates.Where(u => u.Status == IncidentStatus.Monitoring).Select(u => (DateTimeOffset?)u.CreatedAt).Min();

    public static string ImpactOf(IncidentSeverity severity) => severity switch
    {
        IncidentSeverity.P1 => "critical",
        IncidentSeverity.P2 => "major",
        IncidentSeverity.P3 => "minor",
        _ => "none",
    };
}
