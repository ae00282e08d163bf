namespace Astropal.Data;

/// <summary>Where an alert episode is: its condition holds but not yet for the rule's duration, it fired, or it resolved.</summary>
public enum AlertEpisodeState
{
    /// <summary>The condition holds, but not yet for the rule's duration: nothing sent.</summary>
    Pending,

    /// <summary>The condition held for the duration: the firing message went out (acknowledged and silenced are flags on a firing episode).</summary>
    Firing,

    /// <summary>The condition was false for <c>Alerts:ResolveAfter</c> evaluations (or a pending condition cleared): closed.</summary>
    Resolved,
}
