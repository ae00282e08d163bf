namespace Astropal.Web.Features.Alerts;

/// <summary>The kinds of line in an episode's timeline (<see cref="Astropal.Data.AlertEpisodeEvent.Kind"/>).</summary>
public static class AlertEventKinds
{
    public const string Pending = "pending";
    public const string Fired = "fired";
    public const string Reminder = "reminder";
    public const string Clear = "clear";
    public const string HeldAgain = "held-again";
    public const string Resolved = "resolved";
    public const string Acknowledged = "acknowledged";
    public const string Silenced = "silenced";
    public const string Unsilenced = "unsilenced";
}
