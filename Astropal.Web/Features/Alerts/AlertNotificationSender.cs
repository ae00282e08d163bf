using System.Globalization;
using System.Text.Json;
using Astropal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Alerts;

/// <summary>
/// Sends the alert outbox: claims each due pending notification with a conditional update (only the instance whose update
/// took the row sends it), sends it through its channel, and marks it Sent, or retries it with exponential backoff
/// (30 s, 1 min, 2 min, … up to 30 min) until <c>Alerts:Delivery:MaxAttempts</c>, when it is Failed and the episode's
/// timeline gets a <c>notification-failed</c> line.
/// </summary>
public sealed partial class AlertNotificationSender(
    IDbContextFactory<AstropalDbContext> dbFactory,
    IEnumerable<IAlertChannelSender> senders,
    IOptions<AlertChannelsOptions> channels,
    IOptions<AlertDeliveryOptions> delivery,
    TimeProvider clock,
    ILogger<AlertNotificationSender> logger)
{
    public const int BatchSize = 50;

    /// <summary>How long a claim keeps other instances off a row.</summary>
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromMinutes(30);

    /// <summary>The wait before the next attempt after <paramref name="attempts"/> failed ones: 30 s doubling, at most 30 min.</summary>
    public static TimeSpan Backoff(int attempts)
    {
        var doublings = Math.Clamp(attempts - 1, 0, 16);
        var wait = FirstRetry * Math.Pow(2, doublings);
        return wait > LongestRetry ? LongestRetry : wait;
    }

    /// <summary>Sends every due notification this instance can claim; returns how many it sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        List<long> due;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            due = await db.AlertNotifications
                .Where(n => n.Status == AlertNotificationStatus.Pending && n.NextAttemptAt <= now
                            && (n.ClaimedUntil == null || n.ClaimedUntil < now))
                .OrderBy(n => n.NextAttemptAt).ThenBy(n => n.Id)
                .Select(n => n.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
        }

        var sent = 0;
        foreach (var id in due)
        {
            var result = await SendOneAsync(id, cancellationToken);
            if (result?.Succeeded == true)
            {
                sent++;
            }
        }

        return sent;
    }

    /// <summary>
    /// Claims and sends the pending notification <paramref name="id"/> now, whatever its next attempt time; null when another
    /// instance holds it or it is no longer pending.
    /// </summary>
    public async Task<AlertSendResult?> SendOneAsync(long id, CancellationToken cancellationToken)
    {
        if (!await TryClaimAsync(id, cancellationToken))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var notification = await db.AlertNotifications.SingleAsync(n => n.Id == id, cancellationToken);
        var result = await DeliverAsync(notification, cancellationToken);
        Record(db, notification, result, clock.GetUtcNow());
        await db.SaveChangesAsync(CancellationToken.None);
        return result;
    }

    /// <summary>Takes <paramref name="id"/> for <see cref="ClaimFor"/>: true only for the one caller whose update changed the row.</summary>
    public async Task<bool> TryClaimAsync(long id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var until = now + ClaimFor;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var claimed = await db.AlertNotifications
            .Where(n => n.Id == id && n.Status == AlertNotificationStatus.Pending && (n.ClaimedUntil == null || n.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ClaimedUntil, until), cancellationToken);
        return claimed == 1;
    }

    /// <summary>Sends <paramref name="notification"/> through its channel (not saved); a missing channel or a bad payload is a failure.</summary>
    public async Task<AlertSendResult> DeliverAsync(AlertNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var channel = channels.Value.Find(notification.Channel);
        if (channel is null)
        {
            return AlertSendResult.Failure($"The channel '{notification.Channel}' is not configured (configured: {channels.Value.Names}).");
        }

        var sender = senders.FirstOrDefault(s => s.Type == channel.ChannelType);
        if (sender is null)
        {
            return AlertSendResult.Failure($"No sender for {channel.ChannelType} channels.");
        }

        AlertPayload payload;
        try
        {
            payload = AlertPayload.Parse(notification.Payload);
        }
        catch (JsonException ex)
        {
            return AlertSendResult.Failure($"The stored payload is not an alert body: {ex.Message}");
        }

        // An episode queued in the transaction that created it had no id yet when its body was written.
        if (notification.EpisodeId is { } episodeId && payload.Id is "" or "0")
        {
            payload = payload with { Id = episodeId.ToString(CultureInfo.InvariantCulture) };
            notification.Payload = payload.ToJson();
        }

        try
        {
            return await sender.SendAsync(new AlertDelivery(notification.Channel, channel, payload, notification.Payload), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A channel must answer with a result; anything else still counts as a failed attempt, with its message.
            return AlertSendResult.Failure($"{ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>Applies the outcome of an attempt: Sent, or the retry schedule, or Failed with a timeline line.</summary>
    public void Record(AstropalDbContext db, AlertNotification notification, AlertSendResult result, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(result);
        notification.Attempts++;
        notification.ClaimedUntil = null;
        if (result.Succeeded)
        {
            notification.Status = AlertNotificationStatus.Sent;
            notification.SentAt = now;
            notification.LastError = null;
            return;
        }

        var error = result.Error ?? "Unknown failure.";
        notification.LastError = error.Length > 1024 ? error[..1024] : error;
        if (notification.Attempts >= delivery.Value.MaxAttempts || notification.Kind == AlertMessageKinds.Test)
        {
            notification.Status = AlertNotificationStatus.Failed;
            if (notification.EpisodeId is { } episodeId)
            {
                db.AlertEpisodeEvents.Add(new AlertEpisodeEvent
                {
                    EpisodeId = episodeId,
                    At = now,
                    Kind = "notification-failed",
                    Detail = Truncate($"{notification.Kind} to {notification.Channel} failed after {notification.Attempts} attempts: {error}"),
                });
            }

            LogGaveUp(logger, notification.Id, notification.Channel, notification.Attempts, error);
            return;
        }

        notification.NextAttemptAt = now + Backoff(notification.Attempts);
        LogRetry(logger, notification.Id, notification.Channel, notification.Attempts, notification.NextAttemptAt, error);
    }

    private static string Truncate(string text) => text.Length > 1000 ? text[..1000] : text;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert notification {Id} to {Channel} failed (attempt {Attempts}); next attempt at {NextAttemptAt}: {Error}")]
    private static partial void LogRetry(ILogger logger, long id, string channel, int attempts, DateTimeOffset nextAttemptAt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert notification {Id} to {Channel} failed after {Attempts} attempts; giving up: {Error}")]
    private static partial void LogGaveUp(ILogger logger, long id, string channel, int attempts, string error);
}
