namespace Astropal.Web.Features.Alerts;

/// <summary>The outcome of a test send: sent, failed with the channel's reason, or no such channel.</summary>
public sealed record AlertChannelTestResult(string Channel, AlertChannelType? Type, bool Succeeded, string? Error)
{
    /// <summary>True when no channel has that name (<see cref="Error"/> lists the configured ones).</summary>
    public bool UnknownChannel => Type is null;
}
