namespace Astropal.Web.Features.Ops;

/// <summary>Whether a launch check holds.</summary>
public enum LaunchCheckState
{
    Met,
    NotMet,

    /// <summary>The data it needs does not exist in this build (incidents, feedback).</summary>
    NotAvailable,
}

/// <summary>One line of the launch checklist or the beta success criteria: its state, the evidence from the data, and where to look.</summary>
public sealed record LaunchCheck(string Key, string Title, LaunchCheckState State, string Evidence, string Link);

/// <summary>The overview's figures: the day 1–7 checklist, the beta success criteria and today's run.</summary>
public sealed record LaunchOverview(IReadOnlyList<LaunchCheck> Checklist, IReadOnlyList<LaunchCheck> Criteria, TodayRun Today);

/// <summary>Today's (UTC date) deliveries of every kind: due (in the ledger), sent, failed, late.</summary>
public sealed record TodayRun(DateOnly Day, int Due, int Sent, int Failed, int Late);
