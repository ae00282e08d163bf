using Astropal.Core.Billing;
using Astropal.Data;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Delivery;
using Astropal.Web.Features.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace Astropal.Tests.Integration.Jobs;

/// <summary>The rollback lever: pause all stops the dispatcher (however it is started) until resume, across a restart.</summary>
public sealed class JobPauseTests
{
    private static readonly DateTimeOffset LondonSixAm = new(2026, 12, 1, 6, 0, 30, TimeSpan.Zero);

    [Fact]
    public async Task Pause_all_stops_the_next_dispatcher_run_across_a_restart_and_resume_all_sends()
    {
        using var dir = new TempDirectory("jobs-pause");
        await using var smtp = await InProcessSmtpServer.StartAsync();
        var time = new FakeTimeProvider(LondonSixAm);

        await using (var first = await DeliveryTestHost.StartAsync(dir.Path, smtp.Port, time))
        {
            await first.AddReaderAsync("ada@example.com", "Europe/London", new TimeOnly(6, 0), Tier.Free);
            var pauses = first.Host.Services.GetRequiredService<JobPauses>();
            Assert.True((await pauses.PauseAsync(null, "rollback drill", "ops@example.com", CancellationToken.None)).Succeeded);

            var paused = await first.Dispatcher.RunAsync(CancellationToken.None);

            Assert.Equal((0, 0, 0), (paused.Created, paused.Claimed, paused.Sent));
            Assert.Empty(await first.DeliveriesAsync());
        }

        // A new instance on the same database: still paused.
        await using var second = await DeliveryTestHost.StartAsync(dir.Path, smtp.Port, time);
        var afterRestart = await second.Dispatcher.RunAsync(CancellationToken.None);
        Assert.Equal((0, 0), (afterRestart.Created, afterRestart.Sent));
        Assert.Equal(0, smtp.ReceivedCount);

        var secondPauses = second.Host.Services.GetRequiredService<JobPauses>();
        Assert.True((await secondPauses.ResumeAsync(null, "ops@example.com", CancellationToken.None)).Succeeded);
        var resumed = await second.Dispatcher.RunAsync(CancellationToken.None);

        Assert.Equal((1, 1), (resumed.Created, resumed.Sent));
        Assert.Single(await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(30)));
        await using var db = await second.Db.CreateDbContextAsync();
        var actions = await db.AuditEntries.OrderBy(e => e.Id).Select(e => new { e.Actor, e.Action, e.Target, e.Detail }).ToListAsync();
        Assert.Equal(new { Actor = "ops@example.com", Action = "jobs.paused", Target = (string?)"all", Detail = (string?)"rollback drill" }, actions[0]);
        Assert.Equal(("ops@example.com", "jobs.resumed"), (actions[1].Actor, actions[1].Action));
    }

    [Fact]
    public async Task Pausing_only_the_dispatcher_stops_it_and_leaves_the_other_jobs_running()
    {
        using var dir = new TempDirectory("jobs-pause-one");
        await using var smtp = await InProcessSmtpServer.StartAsync();
        await using var host = await DeliveryTestHost.StartAsync(dir.Path, smtp.Port, new FakeTimeProvider(LondonSixAm));
        await host.AddReaderAsync("ada@example.com", "Europe/London", new TimeOnly(6, 0), Tier.Free);
        var pauses = host.Host.Services.GetRequiredService<JobPauses>();

        Assert.True((await pauses.PauseAsync("delivery-dispatch", "bad template", "cli", CancellationToken.None)).Succeeded);

        Assert.True(await pauses.IsPausedAsync(DeliveryDispatchJob.Key, CancellationToken.None));
        Assert.False(await pauses.IsPausedAsync(new JobKey("news-fetch", "content"), CancellationToken.None));
        Assert.Equal(0, (await host.Dispatcher.RunAsync(CancellationToken.None)).Sent);
        Assert.True((await pauses.ResumeAsync("delivery-dispatch", "cli", CancellationToken.None)).Succeeded);
        Assert.Equal(1, (await host.Dispatcher.RunAsync(CancellationToken.None)).Sent);
    }

    [Fact]
    public async Task Jobs_pause_all_from_the_command_line_holds_after_a_restart_and_the_scheduler_skips_the_dispatcher()
    {
        using var dir = new TempDirectory("jobs-cli-restart");
        var shared = new Dictionary<string, string?> { ["Storage:DataDirectory"] = dir.Path };

        await using (var first = new AstropalAppFactory { Settings = shared })
        {
            var paused = await CliRun.RunAsync(first.Services, null, "jobs", "pause", "--all", "--reason", "launch rollback step 1");
            Assert.Equal(0, paused.ExitCode);
            Assert.Contains("Paused all jobs: launch rollback step 1", paused.Out, StringComparison.Ordinal);
        }

        // The next instance runs the scheduler: the dispatcher's start-now trigger fires and is vetoed.
        await using var second = new AstropalAppFactory
        {
            Settings = new Dictionary<string, string?>(shared) { ["Scheduler:Enabled"] = "true" },
        };
        var list = await CliRun.RunAsync(second.Services, null, "jobs", "list");
        Assert.Equal(0, list.ExitCode);
        Assert.Contains("ALL JOBS PAUSED", list.Out, StringComparison.Ordinal);
        Assert.Contains("launch rollback step 1", list.Out, StringComparison.Ordinal);

        var db = second.Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>();
        var skipped = await WaitForRunAsync(db, DeliveryDispatchJob.Key, run => run.LastOutcome == JobRunRecorder.Skipped);
        Assert.Equal("Paused: the run was skipped.", skipped.LastError);

        // Run now is refused while paused; after resume all it runs on the scheduler and succeeds.
        await using var scope = second.Services.CreateAsyncScope();
        var control = scope.ServiceProvider.GetRequiredService<JobControl>();
        Assert.False((await control.RunNowAsync("delivery-dispatch", "ops@example.com", CancellationToken.None)).Succeeded);
        Assert.Equal(0, (await CliRun.RunAsync(second.Services, null, "jobs", "resume", "--all")).ExitCode);
        Assert.True((await control.RunNowAsync("delivery-dispatch", "ops@example.com", CancellationToken.None)).Succeeded);
        await WaitForRunAsync(db, DeliveryDispatchJob.Key, run => run.LastOutcome == JobRunRecorder.Succeeded);
    }

    private static async Task<JobRunRecord> WaitForRunAsync(IDbContextFactory<AstropalDbContext> dbFactory, JobKey job, Func<JobRunRecord, bool> condition)
    {
        var id = job.ToString();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            await using (var db = await dbFactory.CreateDbContextAsync(limit.Token))
            {
                if (await db.JobRuns.AsNoTracking().FirstOrDefaultAsync(r => r.JobKey == id, limit.Token) is { } run && condition(run))
                {
                    return run;
                }
            }

            await Task.Delay(100, limit.Token);
        }
    }
}
