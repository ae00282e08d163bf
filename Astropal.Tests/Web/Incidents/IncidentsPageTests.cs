using Astropal.Data;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Alerts;
using Astropal.Web.Features.Incidents;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Astropal.Tests.Web.Incidents;

public sealed class IncidentsPageTests : BunitContext, IAsyncLifetime
{
    private MetricsTestHost host = default!;

    public IncidentsPageTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    public async Task InitializeAsync()
    {
        host = await IncidentsConsoleHost.StartAsync("incidents-page");
        IncidentsConsoleHost.AddTo(Services, host);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await host.DisposeAsync();
    }

    [Fact]
    public async Task The_form_shows_the_launch_plan_severities_and_opens_a_P2_on_email_delivery_then_goes_to_its_page()
    {
        AddAuthorization().SetAuthorized("olu@example.com");
        var cut = Render<IncidentsPage>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#open-incidents .empty")));
        var severities = cut.Find("#new-severity").TextContent;
        foreach (var meaning in new[] { "System down, no emails sent", "Degraded service, partial failures", "Minor issues, cosmetic bugs", "Enhancement requests" })
        {
            Assert.Contains(meaning, severities, StringComparison.Ordinal);
        }

        cut.Find("#new-title input").Change("Morning emails are late");
        cut.Find("input[name=severity][value=P2]").Change("P2");
        cut.Find("#new-message textarea").Change("We are investigating.");
        cut.Find("#state-email-delivery").Change("major_outage");
        cut.Find("#open-incident").Click();

        var navigation = Services.GetRequiredService<NavigationManager>();
        cut.WaitForAssertion(() => Assert.Matches("/ops/incidents/[0-9]+$", navigation.Uri));
        await using var db = await host.Db.CreateDbContextAsync();
        var incident = await db.Incidents.Include(i => i.Components).Include(i => i.Updates).SingleAsync();
        Assert.Equal((IncidentSeverity.P2, IncidentStatus.Investigating, "olu@example.com"), (incident.Severity, incident.Status, incident.CreatedBy));
        Assert.Equal(("email-delivery", ComponentState.MajorOutage), (incident.Components.Single().Component, incident.Components.Single().State));
        Assert.Equal("We are investigating.", incident.Updates.Single().Message);
        Assert.EndsWith($"/ops/incidents/{incident.Id}", navigation.Uri, StringComparison.Ordinal);
        Assert.Equal(1, await db.AlertNotifications.CountAsync(n => n.Kind == AlertMessageKinds.Incident));
        Assert.Equal([IncidentService.OpenedAction], await db.AuditEntries.Select(a => a.Action).ToListAsync());
    }

    [Fact]
    public async Task A_form_without_a_title_is_refused_with_the_reason_and_nothing_is_opened()
    {
        AddAuthorization().SetAuthorized("olu@example.com");
        var cut = Render<IncidentsPage>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#open-incidents .empty")));

        cut.Find("#new-message textarea").Change("Something is wrong.");
        cut.Find("#open-incident").Click();

        cut.WaitForAssertion(() => Assert.Contains("title is required.", cut.Find("#incident-error").TextContent, StringComparison.Ordinal));
        await using var db = await host.Db.CreateDbContextAsync();
        Assert.Equal(0, await db.Incidents.CountAsync());
    }

    [Fact]
    public async Task Opening_from_an_alert_prefills_the_title_severity_and_component_and_links_the_episode()
    {
        AddAuthorization().SetAuthorized("olu@example.com");
        long episodeId;
        await using (var db = await host.Db.CreateDbContextAsync())
        {
            var episode = new AlertEpisode
            {
                Rule = AlertRules.ContentGenerationFailed, Metric = "content.generation.failures", Severity = AlertSeverities.Critical,
                State = AlertEpisodeState.Firing, StartedAt = host.Time.GetUtcNow(), LastEvaluatedAt = host.Time.GetUtcNow(), Threshold = 0,
            };
            db.AlertEpisodes.Add(episode);
            await db.SaveChangesAsync();
            episodeId = episode.Id;
        }

        Services.GetRequiredService<NavigationManager>().NavigateTo($"/ops/incidents?fromAlert={episodeId}");
        var cut = Render<IncidentsPage>();

        cut.WaitForAssertion(() => Assert.Contains($"#{episodeId}", cut.Find("#from-alert").TextContent, StringComparison.Ordinal));
        Assert.Equal("Content generation failed", cut.Find("#new-title input").GetAttribute("value"));
        Assert.True(cut.Find("input[name=severity][value=P1]").HasAttribute("checked"));
        Assert.Equal("partial_outage", cut.Find("#state-content-generation").GetAttribute("value"));

        cut.Find("#new-message textarea").Change("Today's readings are delayed.");
        cut.Find("#open-incident").Click();
        cut.WaitForAssertion(() => Assert.Matches("/ops/incidents/[0-9]+$", Services.GetRequiredService<NavigationManager>().Uri));
        await using var check = await host.Db.CreateDbContextAsync();
        Assert.Equal(episodeId, (await check.IncidentAlertLinks.SingleAsync()).AlertEpisodeId);
        Assert.Equal(IncidentSeverity.P1, (await check.Incidents.SingleAsync()).Severity);
    }
}
