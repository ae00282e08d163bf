using Astropal.Core.Readers;
using Astropal.Data;
using Astropal.Tests.Integration.Readers;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Delivery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace Astropal.Tests.Browser;

/// <summary>The rollback lever in the browser: pause all shows on every page and stops the next dispatcher run; resume all sends.</summary>
public sealed class JobsConsoleJourneyTests
{
    // Tuesday 2026-12-01 06:30:30 UTC: a London reader's 06:30 daily email is due.
    private static readonly DateTimeOffset LondonSixAm = new(2026, 12, 1, 6, 30, 30, TimeSpan.Zero);

    [Fact]
    public async Task An_operator_pauses_all_jobs_the_dispatcher_sends_nothing_until_resume_all_and_the_api_reference_loads()
    {
        await using var app = new AstropalAppFactory { TestServices = services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(LondonSixAm)) };
        app.UseKestrel(0);
        app.StartServer();
        await app.CreateOperatorAsync("ada@example.com", "Operator", "Correct-Horse-42");
        await PortalHarness.AddReaderAsync(app, ReaderStatus.Active, email: "grace@example.com"); // daily email at 06:30 London

        var (playwright, browser) = await TestSupport.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.OpenPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        var consoleErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add(message.Text);
            }
        };

        await page.GotoAsync(app.ServerAddress + "/ops/jobs");
        await page.FillAsync("#email", "ada@example.com");
        await page.FillAsync("#password", "Correct-Horse-42");
        await page.ClickAsync("#sign-in");
        await Assertions.Expect(page.Locator("#ops-circuit")).ToHaveAttributeAsync("data-state", "interactive");
        await page.FillAsync("#pause-reason", "wrong horoscopes in the daily");
        await page.ClickAsync("#pause-all");

        await Assertions.Expect(page.Locator("#jobs-paused-banner")).ToContainTextAsync("wrong horoscopes in the daily");
        await Assertions.Expect(page.Locator("#resume-all")).ToBeVisibleAsync();
        await page.GotoAsync(app.ServerAddress + "/ops/deliveries");
        await Assertions.Expect(page.Locator("#jobs-paused-banner")).ToContainTextAsync("by ada@example.com");

        var dispatcher = app.Services.GetRequiredService<DeliveryDispatcher>();
        var paused = await dispatcher.RunAsync(CancellationToken.None);
        Assert.Equal((0, 0), (paused.Created, paused.Sent));
        Assert.Empty(app.OutboxMessages());

        await page.GotoAsync(app.ServerAddress + "/ops/jobs");
        await Assertions.Expect(page.Locator("#ops-circuit")).ToHaveAttributeAsync("data-state", "interactive");
        await page.ClickAsync("#resume-all");
        await Assertions.Expect(page.Locator("#jobs-message")).ToContainTextAsync("Resumed all jobs.");
        await Assertions.Expect(page.Locator("#jobs-paused-banner")).ToHaveCountAsync(0);

        var resumed = await dispatcher.RunAsync(CancellationToken.None);
        await using (var check = await app.Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>().CreateDbContextAsync())
        {
            Assert.True(resumed.Sent == 1, resumed + " " + string.Join("; ", await check.Deliveries.Select(d => d.LastError).ToListAsync()));
        }
        Assert.Single(app.OutboxMessages());

        // The API reference (Scalar) for signed-in operators renders the OpenAPI document under the site's CSP.
        await page.ClickAsync("#my-account");
        await Assertions.Expect(page.Locator("#account-email")).ToBeVisibleAsync();
        await page.ClickAsync("#api-reference");
        await Assertions.Expect(page.GetByText("/api/ops/readers").First).ToBeVisibleAsync();
        Assert.Empty(consoleErrors);
    }
}
