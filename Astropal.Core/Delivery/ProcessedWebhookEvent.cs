namespace Astropal.Core.Delivery;

/// <summary>A provider webhook event already processed (by its delivery id, e.g. Svix's <c>svix-id</c>): each is applied once.</summary>
public sealed class ProcessedWebhookEvent
{
    /// <summary>The event's id from the provider.</summary>
    public required string Id { get; set; }

    /// <summary>e.g. <c>email.bounced</c>.</summary>
    public required string Type { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>What processing did (e.g. <c>reader 3f2a… now Basic (active)</c>, <c>ignored</c>); shown in the billing console. Null for older rows.</summary>
    public string? Outcome { get; set; }
}
