using Astropal.Data;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Incidents;
using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor.Services;

namespace Astropal.Tests.Web.Incidents;

public sealed class IncidentPageTests : BunitContext, IAsyncLifetime
{
    private MetricsTestHost host = default!;

    public IncidentPageTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        ComponentFactories.AddStub<IncidentReaderNoticePanel>(); // the reader notices' own component and tests
    }

    public async Task InitializeAsync()
    {
        host = await IncidentsConsoleHost.StartAsync("incident-page");
        IncidentsConsoleHost.AddTo(Services, host);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await host.DisposeAsync();
    }

    private async Task<long> OpenAsync()
    {
        var outcome = await host.Get<IncidentService>().OpenAsync(
            new IncidentDraft("Morning emails are late", "P2", "investigating", "We are investigating.", new Dictionary<string, string> { ["Email delivery"] = "major_outage" }),
            "ada@example.com", CancellationToken.None);
        Assert.True(outcome.Succeeded, outcome.Message);
        return outcome.Id!.Value;
    }

    [Fact]
    public async Task Updates_move_only_forward_and_after_resolution_the_post_mortem_is_saved_and_audited()
    {
        AddAuthorization().SetAuthorized("olu@example.com");
        var id = await OpenAsync();
        var cut = Render<IncidentPage>(p => p.Add(c => c.Id, id));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("#timeline tr.update")));
        Assert.Empty(cut.FindAll("#post-mortem-text"));

        host.Time.Advance(TimeSpan.FromMinutes(10));
        cut.Find("#update-status").Change("monitoring");
        cut.Find("#update-message textarea").Change("Fixed; watching the queue drain.");
        cut.Find("#update-state-email-delivery").Change("degraded_performance");
        cut.Find("#post-update-button").Click();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("#timeline tr.update").Count));
        Assert.Equal(["monitoring", "resolved"], cut.FindAll("#update-status option").Select(o => o.GetAttribute("value")));
        Assert.Contains("Email delivery: degraded_performance", cut.Find("#incident-components").TextContent, StringComparison.Ordinal);

        cut.Find("#update-status").Change("resolved");
        cut.Find("#update-message textarea").Change("All emails delivered.");
        cut.Find("#post-update-button").Click();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#post-mortem-text")));
        Assert.Equal(["investigating", "monitoring", "resolved"], cut.FindAll("#timeline tr.update").Select(r => r.GetAttribute("data-status")));
        Assert.Contains("Reopen", cut.Find("#post-update-button").TextContent, StringComparison.Ordinal);

        cut.Find("#post-mortem-text textarea").Change("## What happened\nThe relay refused us.");
        cut.Find("#save-post-mortem").Click();
        cut.WaitForAssertion(() => Assert.Equal("Post-mortem saved.", cut.Find("#incident-message").TextContent.Trim()));

        cut.Find("#note-text textarea").Change("Relay provider ticket 4711.");
        cut.Find("#add-note").Click();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("#notes .note")));

        await using var db = await host.Db.CreateDbContextAsync();
        Assert.Equal("## What happened\nThe relay refused us.", (await db.Incidents.SingleAsync()).PostMortem);
        Assert.Equal(
            [IncidentService.OpenedAction, IncidentService.UpdatedAction, IncidentService.ResolvedAction, IncidentService.PostMortemSavedAction, IncidentService.NoteAddedAction],
            await db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
    }

    [Fact]
    public async Task A_incident_resolved_more_than_7_days_ago_offers_no_reopening()
    {
        AddAuthorization().SetAuthorized("olu@example.com");
        var id = await OpenAsync();
        var resolved = await host.Get<IncidentService>().PostUpdateAsync(id, new IncidentUpdateDraft("resolved", "Done.", null), "ada@example.com", CancellationToken.None);
        Assert.True(resolved.Succeeded);
        host.Time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));

        var cut = Render<IncidentPage>(p => p.Add(c => c.Id, id));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#reopen-closed")));
        Assert.Empty(cut.FindAll("#post-update"));
    }
}
