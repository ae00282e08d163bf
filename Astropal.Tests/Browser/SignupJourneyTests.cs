using System.Text.RegularExpressions;
using Astropal.Tests.TestSupport;
using Microsoft.Playwright;

namespace Astropal.Tests.Browser;

public sealed partial class SignupJourneyTests
{
    [Fact]
    public async Task A_visitor_signs_up_with_the_city_picker_and_confirms_from_the_emailed_link()
    {
        await using var app = new AstropalAppFactory();
        app.UseKestrel(0);
        app.StartServer();
        var (playwright, browser) = await TestSupport.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var context = await browser.NewContextAsync(new() { TimezoneId = "America/New_York" });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);

        await page.GotoAsync(app.ServerAddress + "/start?r=FRIEND01");
        await Assertions.Expect(page.Locator("#time-zone")).ToHaveValueAsync("America/New_York");

        await page.ClickAsync("#sign-up");
        await Assertions.Expect(page.Locator("#signup-problem")).ToContainTextAsync("Please check the highlighted fields.");
        await Assertions.Expect(page.GetByText("Enter your email address.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Choose at least one focus area.")).ToBeVisibleAsync();

        await page.FillAsync("#email", "ada@example.com");
        await page.FillAsync("#name", "Ada");
        await page.FillAsync("#birth-date", "1990-05-17");
        await page.FillAsync("#birth-time", "08:30");
        await page.FillAsync("#birth-place", "london");
        await page.GetByText("London, United Kingdom").First.ClickAsync();
        await page.Locator("#perspective-evidence").ClickAsync();
        await page.Locator("#focus-career").ClickAsync();
        await page.Locator("#focus-wellness").ClickAsync();
        await page.Locator("#accept-terms").ClickAsync();
        await page.ClickAsync("#sign-up");

        await Assertions.Expect(page.Locator("#signup-done")).ToContainTextAsync("confirmation link is on its way");
        var email = Assert.Single(app.OutboxMessages());
        var link = ConfirmLink().Match(email.TextBody ?? "").Value;
        Assert.NotEmpty(link);

        // Links point at Brand:SiteUrl; the test server listens elsewhere.
        await page.GotoAsync(app.ServerAddress + new Uri(link).PathAndQuery);
        await page.ClickAsync("#confirm");
        await Assertions.Expect(page.Locator("#confirmed")).ToBeVisibleAsync();
    }

    [GeneratedRegex(@"https?://[^\s]+/start/confirm\?t=[A-Za-z0-9_\-]+")]
    private static partial Regex ConfirmLink();
}
