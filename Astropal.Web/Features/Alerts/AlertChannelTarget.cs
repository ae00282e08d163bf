namespace Astropal.Web.Features.Alerts;

/// <summary>Where a channel sends, without its secrets: the host of a URL (Slack and webhook paths carry tokens), or the role and addresses.</summary>
public static class AlertChannelTarget
{
    public static string Describe(AlertChannelOptions channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (channel.ChannelType == AlertChannelType.Email)
        {
            var parts = new List<string>();
            if (!string.IsNullOrWhiteSpace(channel.ToRole))
            {
                parts.Add($"operators with role {channel.ToRole}");
            }

            parts.AddRange(channel.To);
            return string.Join(", ", parts);
        }

        return Uri.TryCreate(channel.Url, UriKind.Absolute, out var uri) ? uri.Host : "(no URL)";
    }
}
