namespace Astropal.Web.Features.Alerts;

/// <summary>One message for one channel: the channel's settings, the payload and its exact JSON bytes as text.</summary>
public sealed record AlertDelivery(string ChannelName, AlertChannelOptions Channel, AlertPayload Payload, string Body);
