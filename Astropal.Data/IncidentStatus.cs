namespace Astropal.Data;

/// <summary>An incident's public status, only forward (reopening a resolved incident within 7 days is the one way back).</summary>
public enum IncidentStatus
{
    Investigating,
    Identified,
    Monitoring,
    Resolved,
}
