using Astropal.Data;
using Astropal.Web.Features.Incidents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Astropal.Tests.Integration.Incidents;

/// <summary>The incident and maintenance rules the API does not reach: stale versions, notes, post-mortems, alert links, window changes.</summary>
public sealed class IncidentServiceTests : IAsyncLifetime
{
    private const string Actor = "ada@example.com";
    private IncidentsTestApp app = default!;

    public async Task InitializeAsync() => app = await IncidentsTestApp.StartAsync();

    public async Task DisposeAsync() => await app.DisposeAsync();

    private IncidentService Incidents => app.App.Services.GetRequiredService<IncidentService>();

    private MaintenanceService Maintenance => app.App.Services.GetRequiredService<MaintenanceService>();

    private async Task<long> OpenAsync()
    {
        var outcome = await Incidents.OpenAsync(new IncidentDraft("Slow sign-up", "P3", null, "Sign-up is slow.", new Dictionary<string, string> { ["signup"] = "degraded_performance" }), Actor, CancellationToken.None);
        Assert.True(outcome.Succeeded, outcome.Message);
        return outcome.Id!.Value;
    }

    [Fact]
    public async Task An_update_based_on_a_version_another_update_replaced_is_refused_and_changes_nothing()
    {
        var id = await OpenAsync();
        var seen = (await Incidents.FindAsync(id, CancellationToken.None))!.Version;
        Assert.True((await Incidents.PostUpdateAsync(id, new IncidentUpdateDraft("identified", "Found it.", null, seen), Actor, CancellationToken.None)).Succeeded);
        var before = await app.CountsAsync();

        var stale = await Incidents.PostUpdateAsync(id, new IncidentUpdateDraft("monitoring", "Fixed.", null, seen), "olu@example.com", CancellationToken.None);

        Assert.True(stale.Found);
        Assert.Contains("changed since you opened it", stale.Errors["version"][0], StringComparison.Ordinal);
        Assert.Equal(before, await app.CountsAsync());
        Assert.Equal(IncidentStatus.Identified, (await Incidents.FindAsync(id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task A_post_mortem_is_refused_before_resolution_and_saved_after_and_notes_stay_internal_text()
    {
        var id = await OpenAsync();
        var early = await Incidents.SavePostMortemAsync(id, "# Too early", Actor, CancellationToken.None);
        Assert.Equal("A post-mortem is written after resolution; this incident is investigating.", early.Errors["postMortem"][0]);
        Assert.False((await Incidents.AddNoteAsync(id, "   ", Actor, CancellationToken.None)).Succeeded);
        Assert.True((await Incidents.AddNoteAsync(id, "Provider ticket 4711.", Actor, CancellationToken.None)).Succeeded);

        Assert.True((await Incidents.PostUpdateAsync(id, new IncidentUpdateDraft("resolved", "Fast again.", null), Actor, CancellationToken.None)).Succeeded);
        Assert.True((await Incidents.SavePostMortemAsync(id, "## Root cause\nA slow query.", Actor, CancellationToken.None)).Succeeded);

        var incident = (await Incidents.FindAsync(id, CancellationToken.None))!;
        Assert.Equal(("## Root cause\nA slow query.", IncidentsTestApp.Now), (incident.PostMortem, incident.PostMortemAt));
        Assert.Equal("Provider ticket 4711.", Assert.Single(incident.Notes).Text);
        Assert.Equal(
            [IncidentService.OpenedAction, IncidentService.NoteAddedAction, IncidentService.ResolvedAction, IncidentService.PostMortemSavedAction],
            (await app.AuditAsync("incident.")).Select(a => a.Action));
    }

    [Fact]
    public async Task Text_over_the_column_sizes_is_refused_with_the_length()
    {
        var outcome = await Incidents.OpenAsync(new IncidentDraft(new string('x', 201), "P4", null, new string('y', 4001), null), Actor, CancellationToken.None);

        Assert.Equal("title is 201 characters long; at most 200 are allowed.", outcome.Errors["title"][0]);
        Assert.Equal("message is 4001 characters long; at most 4000 are allowed.", outcome.Errors["message"][0]);
        Assert.Equal(0, (await app.CountsAsync()).Incidents);
    }

    [Fact]
    public async Task An_alert_episode_is_linked_once_and_unlinked()
    {
        var id = await OpenAsync();
        long episode;
        await using (var db = await app.Db.CreateDbContextAsync())
        {
            var row = new AlertEpisode { Rule = "signup.errors", Metric = "signup.errors", Severity = "medium", StartedAt = IncidentsTestApp.Now, LastEvaluatedAt = IncidentsTestApp.Now };
            db.AlertEpisodes.Add(row);
            await db.SaveChangesAsync();
            episode = row.Id;
        }

        Assert.True((await Incidents.LinkAlertAsync(id, episode, Actor, CancellationToken.None)).Succeeded);
        Assert.Contains("already linked", (await Incidents.LinkAlertAsync(id, episode, Actor, CancellationToken.None)).Message, StringComparison.Ordinal);
        Assert.Equal([episode], (await Incidents.LinkedEpisodesAsync(id, CancellationToken.None)).Select(e => e.Id));
        Assert.True((await Incidents.UnlinkAlertAsync(id, episode, Actor, CancellationToken.None)).Succeeded);
        Assert.Empty(await Incidents.LinkedEpisodesAsync(id, CancellationToken.None));
        Assert.Equal(
            [IncidentService.OpenedAction, IncidentService.AlertLinkedAction, IncidentService.AlertUnlinkedAction],
            (await app.AuditAsync("incident.")).Select(a => a.Action));
    }

    [Fact]
    public async Task A_window_that_has_not_ended_can_be_changed_and_one_that_ended_cannot()
    {
        var start = IncidentsTestApp.Now.AddHours(1);
        var scheduled = await Maintenance.ScheduleAsync(new MaintenanceDraft("Upgrade", "Short pause.", start, start.AddHours(1), ["Database"]), Actor, CancellationToken.None);
        Assert.True(scheduled.Succeeded, scheduled.Message);
        var id = scheduled.Id!.Value;

        var changed = await Maintenance.UpdateAsync(id, new MaintenanceDraft("Upgrade", "Longer pause.", start, start.AddHours(2), ["Database", "scheduler"]), Actor, CancellationToken.None);
        Assert.True(changed.Succeeded, changed.Message);
        var window = (await Maintenance.FindAsync(id, CancellationToken.None))!;
        Assert.Equal((start.AddHours(2), "Longer pause."), (window.EndsAt, window.Message));
        Assert.Equal(["database", "scheduler"], window.Components.Select(c => c.Component).Order(StringComparer.Ordinal));

        app.Time.Advance(TimeSpan.FromHours(4));
        var late = await Maintenance.UpdateAsync(id, new MaintenanceDraft("Upgrade", "Again.", start, start.AddHours(5), ["Database"]), Actor, CancellationToken.None);
        Assert.Equal("This maintenance window has already ended.", late.Message);
        Assert.Equal(
            [MaintenanceService.ScheduledAction, MaintenanceService.UpdatedAction],
            (await app.AuditAsync("maintenance.")).Select(a => a.Action));
        await using var db = await app.Db.CreateDbContextAsync();
        Assert.Equal("Longer pause.", (await db.Maintenances.SingleAsync()).Message);
    }
}
