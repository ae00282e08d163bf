namespace Astropal.Web.Features.Alerts;

/// <summary>The kinds of alert message, as <see cref="Astropal.Data.AlertNotification.Kind"/> and the webhook body's <c>state</c> spell them.</summary>
public static class AlertMessageKinds
{
    public const string Firing = "firing";
    public const string Reminder = "reminder";
    public const string Resolved = "resolved";
    public const string Test = "test";

    /// <summary>A P1 or P2 incident was opened (no episode: the message carries the incident's title and console link).</summary>
    public const string Incident = "incident";

    /// <summary>The rule name incident messages carry, for a channel's <c>Rules</c> filter.</summary>
    public const string IncidentRule = "incident";
}
