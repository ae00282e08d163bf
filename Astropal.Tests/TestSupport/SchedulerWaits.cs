using Astropal.Web.Features.Jobs;

namespace Astropal.Tests.TestSupport;

/// <summary>Quartz's hosted service starts the scheduler in the background once the host has started: "Run now" waits for it.</summary>
internal static class SchedulerWaits
{
    public static async Task<JobChangeResult> RunNowWhenStartedAsync(this JobControl control, string job, string actor = "ops@example.com")
    {
        using (var started = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            while (await control.RunningSchedulerAsync(started.Token) is null)
            {
                await Task.Delay(50, started.Token);
            }
        }

        return await control.RunNowAsync(job, actor, CancellationToken.None);
    }
}
