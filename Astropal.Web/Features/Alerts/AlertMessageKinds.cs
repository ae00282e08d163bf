namespace Astropal.Web.Features.Alerts;

/// <summary>The kinds of alert message, as <see cref="Astropal.Data.AlertNotification.Kind"/> and the webhook body's <c>state</c> spell them.</summary>
public static class AlertMessageKinds
{
    public const string Firing = "firing";
    public const string Reminder = "reminder";
    public const string Resolved = "resolved";
    public const string Test = "test";
}
