using System.Net.Http.Json;
using Astropal.Data;
using Astropal.Tests.Integration.Readers;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Jobs;
using Astropal.Web.Features.Metrics;
using Astropal.Web.Features.Status;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Astropal.Tests.Integration.Status;

/// <summary>The status signals and job in the real app: sign-ups are counted for the Sign-up component, the derive job runs every minute.</summary>
public sealed class StatusSignalsTests
{
    [Fact]
    public async Task Each_sign_up_is_counted_in_its_minute_for_the_sign_up_component()
    {
        await using var app = new AstropalAppFactory();
        using var client = app.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/readers", SignupTests.Body());
        response.EnsureSuccessStatusCode();
        await app.Services.GetRequiredService<RequestMinuteRecorder>().FlushAsync(includeCurrent: true, CancellationToken.None);

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>().CreateDbContextAsync();
        var minutes = await db.RequestMinutes.AsNoTracking().ToListAsync();
        Assert.Equal(1, minutes.Sum(m => m.SignupAttempts));
        Assert.Equal(0, minutes.Sum(m => m.SignupErrors));
    }

    [Fact]
    public async Task The_derive_job_is_scheduled_every_minute_listed_with_the_jobs_and_fills_the_components()
    {
        using var dir = new TempDirectory("status-job");
        await using var app = new AstropalAppFactory
        {
            Settings = new Dictionary<string, string?> { ["Storage:DataDirectory"] = dir.Path, ["Scheduler:Enabled"] = "true" },
        };
        using var client = app.CreateClient();

        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var trigger = Assert.IsAssignableFrom<ICronTrigger>(Assert.Single(await scheduler.GetTriggersOfJob(StatusDeriveJob.Key)));
        Assert.Equal(StatusDeriveJob.Cron, trigger.CronExpressionString);
        Assert.True((await scheduler.GetJobDetail(StatusDeriveJob.Key))!.ConcurrentExecutionDisallowed);
        Assert.NotNull(JobCatalog.Find("status-derive"));

        await using var scope = app.Services.CreateAsyncScope();
        Assert.True((await scope.ServiceProvider.GetRequiredService<JobControl>().RunNowWhenStartedAsync("status-derive")).Succeeded);
        var dbFactory = app.Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            await using (var db = await dbFactory.CreateDbContextAsync(limit.Token))
            {
                if (await db.ComponentStates.CountAsync(limit.Token) == StatusComponentKeys.All.Length)
                {
                    Assert.All(await db.ComponentStates.AsNoTracking().ToListAsync(limit.Token), c => Assert.NotNull(c.DerivedReason));
                    break;
                }
            }

            await Task.Delay(100, limit.Token);
        }
    }

    [Fact]
    public async Task A_snapshot_older_than_its_ttl_is_rebuilt_in_the_background_with_another_instances_change()
    {
        await using var host = await StatusTestHost.StartAsync("status-ttl");
        await using var other = await MetricsTestHost.StartAsync("status-ttl-b", null, b =>
        {
            b.AddAstropalJobs();
            b.AddAstropalStatus();
        }, host.DataDirectory, host.Time);
        await host.DeriveAsync();
        var store = host.Get<StatusSnapshotStore>();
        Assert.Empty((await store.GetAsync(CancellationToken.None)).ActiveIncidents);

        await other.AddIncidentAsync("Down", IncidentSeverity.P1, (StatusComponentKeys.Website, ComponentState.MajorOutage));
        await other.Get<IStatusRefresh>().RefreshAsync(CancellationToken.None);
        Assert.Empty((await store.GetAsync(CancellationToken.None)).ActiveIncidents);

        host.Time.Advance(TimeSpan.FromSeconds(16));
        Assert.Empty((await store.GetAsync(CancellationToken.None)).ActiveIncidents);
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (store.Current!.ActiveIncidents.Count == 0)
        {
            await Task.Delay(20, limit.Token);
        }

        Assert.Equal("critical", store.Current.Status.Indicator);
    }
}
