using Quartz;

namespace Astropal.Web.Features.Reports;

/// <summary>The Quartz job behind <see cref="DailyReportSender"/>: daily at <c>Reports:DailyAt</c> UTC, the report of the current UTC day.</summary>
[DisallowConcurrentExecution]
public sealed class DailyReportJob(DailyReportSender sender, TimeProvider clock) : IJob
{
    public static readonly JobKey Key = new("daily-report", "reports");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await sender.SendAsync(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), cancellationToken);
    }
}
