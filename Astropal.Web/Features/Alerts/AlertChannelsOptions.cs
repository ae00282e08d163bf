namespace Astropal.Web.Features.Alerts;

/// <summary>The alert channels: the <c>Alerts:Channels</c> section, a dictionary of channel name → channel.</summary>
public sealed class AlertChannelsOptions
{
    public const string SectionName = "Alerts:Channels";

    public Dictionary<string, AlertChannelOptions> Channels { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The channel called <paramref name="name"/> (case-insensitive), or null.</summary>
    public AlertChannelOptions? Find(string name) => Channels.GetValueOrDefault(name.Trim());

    /// <summary>The configured names, sorted, for messages.</summary>
    public string Names => Channels.Count == 0 ? "(none configured)" : string.Join(", ", Channels.Keys.Order(StringComparer.OrdinalIgnoreCase));
}
