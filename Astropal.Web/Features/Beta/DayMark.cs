namespace Astropal.Web.Features.Beta;

/// <summary>One local day of a reader's delivery strip on the beta page.</summary>
public enum DayMark
{
    /// <summary>No email was due that day (no ledger row).</summary>
    NotDue,
    Sent,
    Failed,
    /// <summary>Skipped or suppressed: due, deliberately not sent.</summary>
    Skipped,
    /// <summary>Due and not sent yet (waiting or being sent).</summary>
    Pending,
}
