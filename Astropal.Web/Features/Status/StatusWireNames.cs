using Astropal.Data;

namespace Astropal.Web.Features.Status;

/// <summary>
/// The Statuspage spellings used by <c>/status.json</c> and the operator API: component states
/// (<c>operational</c>, <c>degraded_performance</c>, <c>partial_outage</c>, <c>major_outage</c>, <c>under_maintenance</c>)
/// and incident statuses (<c>investigating</c>, <c>identified</c>, <c>monitoring</c>, <c>resolved</c>).
/// </summary>
public static class StatusWireNames
{
    private static readonly (ComponentState State, string Wire)[] States =
    [
        (ComponentState.Operational, "operational"),
        (ComponentState.DegradedPerformance, "degraded_performance"),
        (ComponentState.PartialOutage, "partial_outage"),
        (ComponentState.MajorOutage, "major_outage"),
        (ComponentState.UnderMaintenance, "under_maintenance"),
    ];

    private static readonly (IncidentStatus Status, string Wire)[] Statuses =
    [
        (IncidentStatus.Investigating, "investigating"),
        (IncidentStatus.Identified, "identified"),
        (IncidentStatus.Monitoring, "monitoring"),
        (IncidentStatus.Resolved, "resolved"),
    ];

    /// <summary>Every component state's wire name, best first (for error messages and docs).</summary>
    public static IEnumerable<string> ComponentStateNames => States.Select(s => s.Wire);

    /// <summary>Every incident status's wire name, in lifecycle order.</summary>
    public static IEnumerable<string> IncidentStatusNames => Statuses.Select(s => s.Wire);

    public static string Wire(this ComponentState state) => States.First(s => s.State == state).Wire;

    public static string Wire(this IncidentStatus status) => Statuses.First(s => s.Status == status).Wire;

    /// <summary>Parses <c>degraded_performance</c> (also <c>DegradedPerformance</c>, any case).</summary>
    public static bool TryParseComponentState(string? text, out ComponentState state)
    {
        var normalized = Normalize(text);
        foreach (var (s, wire) in States)
        {
            if (Normalize(wire) == normalized)
            {
                state = s;
                return true;
            }
        }

        state = default;
        return false;
    }

    /// <summary>Parses <c>investigating</c> … <c>resolved</c> (any case).</summary>
    public static bool TryParseIncidentStatus(string? text, out IncidentStatus status)
    {
        var normalized = Normalize(text);
        foreach (var (s, wire) in Statuses)
        {
            if (Normalize(wire) == normalized)
            {
                status = s;
                return true;
            }
        }

        status = default;
        return false;
    }

    private static string Normalize(string? text) =>
        (text ?? "").Replace("_", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
}
