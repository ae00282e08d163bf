namespace Astropal.Web.Features.Alerts;

/// <summary>One channel under <c>Alerts:Channels:&lt;name&gt;</c>. Cross-field rules are checked by <see cref="AlertChannelsValidator"/>.</summary>
public sealed class AlertChannelOptions
{
    /// <summary><c>Email</c>, <c>Webhook</c> or <c>Slack</c> (kept as text so that a misspelling gets a clear message).</summary>
    public string? Type { get; set; }

    /// <summary>Email: the role whose enabled operators receive the alerts (Admin or Operator).</summary>
    public string? ToRole { get; set; }

    /// <summary>Email: addresses that receive the alerts.</summary>
    public List<string> To { get; set; } = [];

    /// <summary>Webhook and Slack: the absolute http(s) URL the message is posted to.</summary>
    public string? Url { get; set; }

    /// <summary>Webhook: the HMAC-SHA256 key of the <c>X-Astropal-Signature</c> header.</summary>
    public string? Secret { get; set; }

    /// <summary>critical, high, medium or low: the least severe alert this channel takes (default low: all).</summary>
    public string MinSeverity { get; set; } = AlertSeverities.Low;

    /// <summary>Names of the rules this channel takes; empty: all rules.</summary>
    public List<string> Rules { get; set; } = [];

    public bool Enabled { get; set; } = true;

    /// <summary>The parsed <see cref="Type"/> (valid after startup validation).</summary>
    public AlertChannelType ChannelType =>
        Enum.TryParse<AlertChannelType>(Type, ignoreCase: true, out var type) ? type : AlertChannelType.Email;

    /// <summary>Whether an alert of <paramref name="severity"/> from <paramref name="rule"/> goes to this channel.</summary>
    public bool Takes(string rule, string severity) =>
        Enabled
        && AlertSeverities.Rank(severity) >= AlertSeverities.Rank(MinSeverity)
        && (Rules.Count == 0 || Rules.Contains(rule, StringComparer.OrdinalIgnoreCase));
}
