using Quartz;

namespace Astropal.Web.Features.Alerts;

/// <summary>The Quartz job behind <see cref="AlertNotificationSender.SendDueAsync"/>: every 15 seconds.</summary>
[DisallowConcurrentExecution]
public sealed class AlertNotificationJob(AlertNotificationSender sender) : IJob
{
    public static readonly JobKey Key = new("alert-notifications", "alerts");

    /// <summary>Every 15 seconds (the claim on each row keeps instances from sending a message twice).</summary>
    public const string Cron = "0/15 * * * * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await sender.SendDueAsync(cancellationToken);
    }
}
