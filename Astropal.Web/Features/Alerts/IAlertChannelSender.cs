namespace Astropal.Web.Features.Alerts;

/// <summary>Delivers alert messages over one <see cref="AlertChannelType"/>.</summary>
public interface IAlertChannelSender
{
    AlertChannelType Type { get; }

    /// <summary>Sends one message; failures come back as a result, only cancellation throws.</summary>
    Task<AlertSendResult> SendAsync(AlertDelivery delivery, CancellationToken cancellationToken);
}
