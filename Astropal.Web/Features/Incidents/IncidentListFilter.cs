namespace Astropal.Web.Features.Incidents;

/// <summary>Which incidents a list shows: open and resolved in the last 90 days (All), only open, or only resolved.</summary>
public enum IncidentListFilter
{
    All,
    Open,
    Resolved,
}
