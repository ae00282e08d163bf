using Astropal.Data;

namespace Astropal.Web.Features.Incidents;

/// <summary>The launch plan's severity levels (Incident Response → Severity Levels) and how they map to alerts and impact.</summary>
public static class IncidentSeverities
{
    /// <summary>Every severity with its name and meaning, most severe first (shown in the new-incident form).</summary>
    public static IReadOnlyList<(IncidentSeverity Severity, string Name, string Meaning)> All { get; } =
    [
        (IncidentSeverity.P1, "Critical", "System down, no emails sent"),
        (IncidentSeverity.P2, "High", "Degraded service, partial failures"),
        (IncidentSeverity.P3, "Medium", "Minor issues, cosmetic bugs"),
        (IncidentSeverity.P4, "Low", "Enhancement requests"),
    ];

    /// <summary>Parses <c>P1</c>..<c>P4</c> (any case, surrounding spaces ignored); nothing else.</summary>
    public static bool TryParse(string? text, out IncidentSeverity severity)
    {
        severity = default;
        var trimmed = text?.Trim();
        if (trimmed is not { Length: 2 } || char.ToUpperInvariant(trimmed[0]) != 'P' || trimmed[1] is < '1' or > '4')
        {
            return false;
        }

        severity = (IncidentSeverity)(trimmed[1] - '0');
        return true;
    }

    /// <summary>Whether opening an incident of this severity notifies the alert channels (P1 and P2).</summary>
    public static bool NotifiesAlertChannels(IncidentSeverity severity) => severity is IncidentSeverity.P1 or IncidentSeverity.P2;

    /// <summary>The alert severity of an incident's channel message: P1 critical, P2 high, P3 medium, P4 low.</summary>
    public static string AlertSeverity(IncidentSeverity severity) => severity switch
    {
        IncidentSeverity.P1 => Alerts.AlertSeverities.Critical,
        IncidentSeverity.P2 => Alerts.AlertSeverities.High,
        IncidentSeverity.P3 => Alerts.AlertSeverities.Medium,
        _ => Alerts.AlertSeverities.Low,
    };

    /// <summary>The incident severity an alert of <paramref name="alertSeverity"/> suggests ("Open incident from this alert").</summary>
    public static IncidentSeverity FromAlert(string? alertSeverity) => (alertSeverity?.Trim().ToLowerInvariant()) switch
    {
        Alerts.AlertSeverities.Critical => IncidentSeverity.P1,
        Alerts.AlertSeverities.High => IncidentSeverity.P2,
        Alerts.AlertSeverities.Medium => IncidentSeverity.P3,
        _ => IncidentSeverity.P4,
    };

    /// <summary>Statuspage's <c>impact</c>: P1 critical, P2 major, P3 minor, P4 none.</summary>
    public static string Impact(IncidentSeverity severity) => severity switch
    {
        IncidentSeverity.P1 => "critical",
        IncidentSeverity.P2 => "major",
        IncidentSeverity.P3 => "minor",
        _ => "none",
    };

    public static string Meaning(IncidentSeverity severity) => All.First(s => s.Severity == severity).Meaning;
}
