namespace Astropal.Data;

public enum AlertNotificationStatus
{
    /// <summary>Waiting to be sent (or retried at <see cref="AlertNotification.NextAttemptAt"/>).</summary>
    Pending,

    Sent,

    /// <summary>Gave up after the last attempt; shown on the alerts page.</summary>
    Failed,
}
