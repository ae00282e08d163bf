using Astropal.Data;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Alerts;
using Astropal.Web.Features.Incidents;
using Astropal.Web.Features.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Astropal.Tests.Browser;

/// <summary>An operator opens an incident from a firing alert and posts an update, in a real browser.</summary>
public sealed class IncidentsConsoleJourneyTests
{
    [Fact]
    public async Task An_operator_opens_an_incident_from_an_alert_and_posts_an_update()
    {
        await using var app = new AstropalAppFactory();
        app.UseKestrel(0);
        app.StartServer();
        await app.CreateOperatorAsync("ada@example.com", "Operator", "Correct-Horse-42");
        await app.Services.GetRequiredService<AlertEvaluator>().EvaluateAsync(CancellationToken.None);

        var (playwright, browser) = await TestSupport.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.OpenPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        await page.GotoAsync(app.ServerAddress + "/ops/alerts");
        await page.FillAsync("#email", "ada@example.com");
        await page.FillAsync("#password", "Correct-Horse-42");
        await page.ClickAsync("#sign-in");
        await Assertions.Expect(page.Locator("#ops-circuit")).ToHaveAttributeAsync("data-state", "interactive");

        await page.Locator($"#episodes-firing [data-rule='{MetricNames.UserRegistrations}'] .open-incident").ClickAsync();
        await Assertions.Expect(page.Locator("#from-alert")).ToContainTextAsync(MetricNames.UserRegistrations);
        await Assertions.Expect(page.Locator("#new-title input")).ToHaveValueAsync("User registrations");
        await Assertions.Expect(page.Locator("input[name=severity][value=P3]")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#new-severity")).ToContainTextAsync("System down, no emails sent");

        await page.FillAsync("#new-message textarea", "Fewer sign-ups than expected; we are looking into it.");
        await page.SelectOptionAsync("#state-signup", "degraded_performance");
        await page.ClickAsync("#open-incident");

        await Assertions.Expect(page.Locator("#incident-title")).ToHaveTextAsync("User registrations");
        await Assertions.Expect(page.Locator("#timeline tr.update")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#alert-links .episode")).ToHaveCountAsync(1);
        await page.SelectOptionAsync("#update-status", "identified");
        await page.FillAsync("#update-message textarea", "The sign-up form rejected valid birthplaces.");
        await page.ClickAsync("#post-update-button");
        await Assertions.Expect(page.Locator("#timeline tr.update")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#incident-status")).ToHaveTextAsync("identified");

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>().CreateDbContextAsync();
        var incident = await db.Incidents.Include(i => i.Components).SingleAsync();
        Assert.Equal((IncidentSeverity.P3, IncidentStatus.Identified), (incident.Severity, incident.Status));
        Assert.Equal(("signup", ComponentState.DegradedPerformance), (incident.Components.Single().Component, incident.Components.Single().State));
        Assert.Equal(
            [IncidentService.OpenedAction, IncidentService.UpdatedAction],
            await db.AuditEntries.Where(a => a.Action.StartsWith("incident.")).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
    }
}
