using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Alerts;
using Astropal.Web.Features.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Quartz.Impl.Triggers;

namespace Astropal.Tests.Integration.Alerts;

/// <summary>The evaluation job is scheduled every Alerts:EvaluationInterval, never concurrently, and listed with the other jobs.</summary>
public sealed class AlertEvaluationJobTests
{
    [Fact]
    public async Task The_evaluation_job_repeats_every_configured_interval_and_is_in_the_job_catalog()
    {
        using var dir = new TempDirectory("alerts-job");
        await using var app = new AstropalAppFactory
        {
            Settings = new Dictionary<string, string?>
            {
                ["Storage:DataDirectory"] = dir.Path,
                ["Scheduler:Enabled"] = "true",
                ["Alerts:EvaluationInterval"] = "00:00:30",
            },
        };
        using var client = app.CreateClient();

        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var trigger = Assert.IsAssignableFrom<ISimpleTrigger>(Assert.Single(await scheduler.GetTriggersOfJob(AlertEvaluationJob.Key)));

        Assert.Equal(TimeSpan.FromSeconds(30), trigger.RepeatInterval);
        Assert.Equal(SimpleTriggerImpl.RepeatIndefinitely, trigger.RepeatCount);
        Assert.True((await scheduler.GetJobDetail(AlertEvaluationJob.Key))!.ConcurrentExecutionDisallowed);
        Assert.NotNull(JobCatalog.Find("alerts-evaluate"));
    }
}
