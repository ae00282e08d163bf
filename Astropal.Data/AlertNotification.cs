namespace Astropal.Data;

/// <summary>
/// One message to one alert channel (the outbox of alerting): written in the same transaction as the episode change
/// that causes it (or by a test send), then sent by the notification sender with retries and backoff. A sender claims a
/// row by moving <see cref="ClaimedUntil"/> forward in a conditional update, so two instances never send it twice.
/// </summary>
public sealed class AlertNotification
{
    public long Id { get; set; }

    /// <summary>The episode; null for a test message.</summary>
    public long? EpisodeId { get; set; }

    /// <summary>The channel's name under <c>Alerts:Channels</c>.</summary>
    public required string Channel { get; set; }

    /// <summary>firing, reminder, resolved or test.</summary>
    public required string Kind { get; set; }

    /// <summary>The JSON body (the webhook body of issue 13) every channel type renders from.</summary>
    public required string Payload { get; set; }

    public AlertNotificationStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? ClaimedUntil { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public string? LastError { get; set; }
}
