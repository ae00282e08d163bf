using System.Globalization;
using Astropal.Data;
using Astropal.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Alerts;

/// <summary>
/// "Send test alert": sends a message with state <c>test</c> straight to one channel, records it as a notification
/// (Sent or Failed, kind test) for the console's history and audits <c>alert.channel-tested</c>.
/// </summary>
public sealed class AlertChannelTester(
    IDbContextFactory<AstropalDbContext> dbFactory,
    IOptions<AlertChannelsOptions> channels,
    AlertNotificationSender sender,
    AlertConsoleLink console,
    AuditLog audit,
    TimeProvider clock)
{
    public const string AuditAction = "alert.channel-tested";

    public async Task<AlertChannelTestResult> SendTestAsync(string channelName, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channelName);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var match = channels.Value.Channels.FirstOrDefault(c => string.Equals(c.Key, channelName.Trim(), StringComparison.OrdinalIgnoreCase));
        if (match.Value is null)
        {
            return new AlertChannelTestResult(channelName, null, false,
                $"No alert channel is called '{channelName}'. Configured channels: {channels.Value.Names}.");
        }

        var (name, channel) = match;
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var notification = new AlertNotification
        {
            Channel = name,
            Kind = AlertMessageKinds.Test,
            Payload = "{}",
            Status = AlertNotificationStatus.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
            // Held for this send, so the background sender never picks it up as well.
            ClaimedUntil = now + AlertNotificationSender.ClaimFor,
        };
        db.AlertNotifications.Add(notification);
        await db.SaveChangesAsync(cancellationToken);

        notification.Payload = new AlertPayload(
            "test-" + notification.Id.ToString(CultureInfo.InvariantCulture),
            "alerts.test",
            "alerts.test",
            AlertSeverities.All.First(s => string.Equals(s, channel.MinSeverity, StringComparison.OrdinalIgnoreCase)),
            AlertPayload.StateOf(AlertMessageKinds.Test),
            1,
            1,
            now,
            null,
            null,
            console.Url).ToJson();
        var result = await sender.DeliverAsync(notification, cancellationToken);
        sender.Record(db, notification, result, clock.GetUtcNow());
        audit.Add(db, actor, AuditAction, name,
            $"{channel.ChannelType}: " + (result.Succeeded ? "sent" : "failed: " + result.Error));
        await db.SaveChangesAsync(CancellationToken.None);
        return new AlertChannelTestResult(name, channel.ChannelType, result.Succeeded, result.Error);
    }
}
