using Astropal.Data;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Alerts;
using Astropal.Web.Features.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Astropal.Tests.Integration.Alerts;

public sealed class AlertNotificationJobTests
{
    [Fact]
    public async Task The_scheduled_job_sends_queued_notifications_and_is_listed_with_the_jobs()
    {
        await using var receiver = await FakeAlertReceiver.StartAsync();
        await using var app = AstropalAppFactory.WithSettings(new Dictionary<string, string?>
        {
            ["Scheduler:Enabled"] = "true",
            ["Alerts:Channels:hook:Type"] = "Webhook",
            ["Alerts:Channels:hook:Url"] = receiver.Url("/hook"),
            ["Alerts:Channels:hook:Secret"] = "k",
            // The scheduler also runs the alert evaluation, whose rules fire on an empty database: take only this rule.
            ["Alerts:Channels:hook:Rules:0"] = "email.delivery.rate",
        });
        var list = await CliRun.RunAsync(app.Services, null, "jobs", "list");
        Assert.Contains("alert-notifications", list.Out, StringComparison.Ordinal);

        long episodeId;
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var dbFactory = app.Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>();
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            var episode = AlertsTestApp.NewEpisode();
            db.AlertEpisodes.Add(episode);
            Assert.Equal(1, app.Services.GetRequiredService<IAlertOutbox>().Enqueue(db, episode, AlertMessageKinds.Firing, now));
            await db.SaveChangesAsync();
            episodeId = episode.Id;
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
var run = await scope.ServiceProvider.GetRequiredService<JobControl>().RunNowWhenStartedAsync("alert-notifications");
            Assert.True(run.Succeeded, run.Message);
        }

        Assert.Single(await receiver.WaitForAsync(1));
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(limit.Token);
            if ((await db.AlertNotifications.SingleAsync(n => n.EpisodeId == episodeId, limit.Token)).Status == AlertNotificationStatus.Sent)
            {
                break;
            }

            await Task.Delay(50, limit.Token);
        }
    }
}
