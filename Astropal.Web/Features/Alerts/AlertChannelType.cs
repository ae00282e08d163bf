namespace Astropal.Web.Features.Alerts;

/// <summary>How an alert channel delivers (<c>Alerts:Channels:&lt;name&gt;:Type</c>).</summary>
public enum AlertChannelType
{
    /// <summary>An email to the operators with a role and/or to listed addresses, through the configured email transport.</summary>
    Email,

    /// <summary>A signed JSON POST to a URL.</summary>
    Webhook,

    /// <summary>A Slack incoming-webhook message.</summary>
    Slack,
}
