using Astropal.Core.Billing;
using Astropal.Core.Readers;
using Astropal.Data;
using Astropal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Astropal.Tests.Browser;

public sealed class ContentConsoleJourneyTests
{
    [Fact]
    public async Task An_operator_reads_the_distinctness_figure_and_previews_a_readers_email()
    {
        await using var app = new AstropalAppFactory();
        app.UseKestrel(0);
        app.StartServer();
        await app.CreateOperatorAsync("ada@example.com", "Operator", "Correct-Horse-42");
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>().CreateDbContextAsync())
        {
            db.Readers.Add(new Reader
            {
                Id = Guid.NewGuid(), Email = "grace@example.com", Name = "Grace", BirthDate = new DateOnly(1988, 2, 3), BirthTime = new TimeOnly(14, 0),
                BirthLatitude = 51.5074, BirthLongitude = -0.1278, BirthTimeZone = "Europe/London", TimeZone = "Europe/London", Locale = "en-US",
                Perspective = PerspectiveId.Evidence, FocusAreas = [FocusAreaId.Career, FocusAreaId.Social], Tier = Tier.Basic, Status = ReaderStatus.Active,
                ReferralCode = "GRACE1",
            });
            await db.SaveChangesAsync();
        }

        var (playwright, browser) = await TestSupport.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.OpenPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1800 } });
        await page.GotoAsync(app.ServerAddress + "/ops/content");
        await page.FillAsync("#email", "ada@example.com");
        await page.FillAsync("#password", "Correct-Horse-42");
        await page.ClickAsync("#sign-in");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/ops/content$"));
        await Assertions.Expect(page.Locator("#ops-circuit")).ToHaveAttributeAsync("data-state", "interactive");

        await Assertions.Expect(page.Locator("#distinctness-basis")).ToContainTextAsync("for 1 active reader(s)");
        await Assertions.Expect(page.Locator("#between-voices .verdict")).ToHaveTextAsync("met");

        await page.FillAsync("#preview-query input", "grace");
        await page.ClickAsync("#find-reader");
        await page.ClickAsync("#reader-matches .preview-daily");

        await Assertions.Expect(page.Locator("#preview-subject")).Not.ToBeEmptyAsync();
        var frame = page.FrameLocator("#preview iframe");
        await Assertions.Expect(frame.Locator("body")).ToContainTextAsync("Grace");
        var screenshot = Environment.GetEnvironmentVariable("ASTROPAL_SCREENSHOT");
        if (!string.IsNullOrEmpty(screenshot))
        {
            await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        }
    }
}
