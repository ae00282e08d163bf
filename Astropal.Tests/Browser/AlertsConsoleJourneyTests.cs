using Astropal.Data;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Alerts;
using Astropal.Web.Features.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Astropal.Tests.Browser;

/// <summary>An operator acknowledges and silences a firing alert on /ops/alerts in a real browser.</summary>
public sealed class AlertsConsoleJourneyTests
{
    [Fact]
    public async Task An_operator_acknowledges_then_silences_a_firing_alert_and_reads_its_timeline()
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

        var firing = page.Locator($"#episodes-firing [data-rule='{MetricNames.UserRegistrations}']");
        await Assertions.Expect(firing).ToBeVisibleAsync();
        await firing.Locator(".acknowledge").ClickAsync();
        var acknowledged = page.Locator($"#episodes-acknowledged [data-rule='{MetricNames.UserRegistrations}']");
        await Assertions.Expect(acknowledged).ToContainTextAsync("acknowledged by ada@example.com");

        await acknowledged.Locator(".silence-4h").ClickAsync();
        var silenced = page.Locator($"#episodes-silenced [data-rule='{MetricNames.UserRegistrations}']");
        await Assertions.Expect(silenced).ToContainTextAsync("silenced until");
        await silenced.Locator(".timeline summary").ClickAsync();
        await Assertions.Expect(silenced.Locator(".timeline tr[data-kind='silenced']")).ToContainTextAsync("ada@example.com");
        await Assertions.Expect(page.Locator($"#rules tr[data-rule='{AlertRules.BetaUserRegistrationFailed}'] .condition")).ToHaveTextAsync("< 4 for 60 min");

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>().CreateDbContextAsync();
        Assert.Equal(
            [AlertOperations.AcknowledgedAction, AlertOperations.SilencedAction],
            await db.AuditEntries.Where(a => a.Action.StartsWith("alert.")).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
    }
}
