using Astropal.Data;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Alerts;
using Astropal.Web.Features.Metrics;
using Microsoft.EntityFrameworkCore;

namespace Astropal.Tests.Integration.Alerts;

/// <summary>Acknowledge, silence and unsilence: validated, audited, on the timeline; a refused action changes nothing.</summary>
public sealed class AlertOperationsTests
{
    private const string Operator = "ops@example.com";

    [Fact]
    public async Task Acknowledging_a_firing_episode_is_audited_and_on_its_timeline_and_only_once()
    {
        await using var host = await AlertsTestHost.StartAsync("alerts-ack");
        await host.EvaluateAsync();
        var id = (await host.EpisodesAsync(MetricNames.UserRegistrations)).Single().Id;
        var operations = host.Get<AlertOperations>();

        Assert.True((await operations.AcknowledgeAsync(id, Operator, CancellationToken.None)).Succeeded);
        var again = await operations.AcknowledgeAsync(id, "other@example.com", CancellationToken.None);

        Assert.Equal("This alert was already acknowledged by ops@example.com.", again.Error);
        var episode = (await host.EpisodesAsync(MetricNames.UserRegistrations)).Single();
        Assert.Equal((host.Time.GetUtcNow(), Operator), (episode.AcknowledgedAt!.Value, episode.AcknowledgedBy));
        Assert.Single(episode.Events, e => e.Kind == AlertEventKinds.Acknowledged && e.Actor == Operator);
        var audit = await AuditAsync(host);
        Assert.Equal([(AlertOperations.AcknowledgedAction, $"{MetricNames.UserRegistrations}#{id}")], audit);
    }

    [Fact]
    public async Task A_pending_or_unknown_episode_cannot_be_acknowledged()
    {
        await using var host = await AlertsTestHost.StartAsync("alerts-ack-pending");
        await host.EvaluateAsync();
        var pending = (await host.EpisodesAsync(AlertRules.BetaUserRegistrationFailed)).Single();
        var operations = host.Get<AlertOperations>();

        var refused = await operations.AcknowledgeAsync(pending.Id, Operator, CancellationToken.None);
        var missing = await operations.AcknowledgeAsync(9999, Operator, CancellationToken.None);

        Assert.Equal("Only a firing alert can be acknowledged; this one is still pending.", refused.Error);
        Assert.False(missing.Found);
        Assert.Null((await host.EpisodesAsync(AlertRules.BetaUserRegistrationFailed)).Single().AcknowledgedAt);
        Assert.Empty(await AuditAsync(host));
    }

    [Fact]
    public async Task Silencing_needs_an_end_in_the_next_7_days_and_unsilencing_a_silenced_episode()
    {
        await using var host = await AlertsTestHost.StartAsync("alerts-silence");
        await host.EvaluateAsync();
        var id = (await host.EpisodesAsync(MetricNames.UserRegistrations)).Single().Id;
        var operations = host.Get<AlertOperations>();
        var now = host.Time.GetUtcNow();

        Assert.Equal("The silence must end in the future.", (await operations.SilenceAsync(id, now, Operator, CancellationToken.None)).Error);
        Assert.Equal("An alert can be silenced for at most 7 days.", (await operations.SilenceAsync(id, now.AddDays(7).AddMinutes(1), Operator, CancellationToken.None)).Error);
        Assert.Equal("This alert is not silenced.", (await operations.UnsilenceAsync(id, Operator, CancellationToken.None)).Error);
        Assert.Null((await host.EpisodesAsync(MetricNames.UserRegistrations)).Single().SilencedUntil);
        Assert.Empty(await AuditAsync(host));

        Assert.True((await operations.SilenceAsync(id, now.AddHours(4), Operator, CancellationToken.None)).Succeeded);
        Assert.Equal(now.AddHours(4), (await host.EpisodesAsync(MetricNames.UserRegistrations)).Single().SilencedUntil);
        Assert.True((await operations.UnsilenceAsync(id, Operator, CancellationToken.None)).Succeeded);

        var episode = (await host.EpisodesAsync(MetricNames.UserRegistrations)).Single();
        Assert.Null(episode.SilencedUntil);
        Assert.Equal([AlertEventKinds.Silenced, AlertEventKinds.Unsilenced], episode.Events.Where(e => e.Actor == Operator).OrderBy(e => e.Id).Select(e => e.Kind));
        Assert.Equal([AlertOperations.SilencedAction, AlertOperations.UnsilencedAction], (await AuditAsync(host)).Select(a => a.Action));
    }

    private static async Task<List<(string Action, string? Target)>> AuditAsync(MetricsTestHost host)
    {
        await using var db = await host.Db.CreateDbContextAsync();
        return (await db.AuditEntries.OrderBy(a => a.Id).Select(a => new { a.Action, a.Target }).ToListAsync())
            .Select(a => (a.Action, a.Target)).ToList();
    }
}
