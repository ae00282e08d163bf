using Quartz;

namespace Astropal.Web.Features.Billing;

/// <summary>The Quartz job behind <see cref="BillingJobRunner"/>: hourly at :20 UTC (a trial's end is then at most an hour late).</summary>
[DisallowConcurrentExecution]
public sealed class BillingJob(BillingJobRunner runner) : IJob
{
    public static readonly JobKey Key = new("billing", "billing");

    public const string Cron = "0 20 * * * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await runner.RunAsync(cancellationToken);
    }
}
