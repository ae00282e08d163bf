namespace Astropal.Data;

/// <summary>The launch plan's severities: P1 critical (service down) … P4 low (minor issue).</summary>
public enum IncidentSeverity
{
    P1 = 1,
    P2 = 2,
    P3 = 3,
    P4 = 4,
}
