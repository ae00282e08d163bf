using Astropal.Tests.TestSupport;
using Microsoft.Playwright;

namespace Astropal.Tests.Browser;

public sealed class OperatorConsoleJourneyTests
{
    [Fact]
    public async Task Anonymous_visitor_is_sent_to_sign_in_and_an_operator_signs_in_to_the_live_console()
    {
        await using var app = new AstropalAppFactory();
        app.UseKestrel(0);
        app.StartServer();
        await app.CreateOperatorAsync("ada@example.com", "Admin", "Correct-Horse-42");
        var (playwright, browser) = await TestSupport.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.OpenPageAsync();
        var consoleErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add(message.Text);
            }
        };

        await page.GotoAsync(app.ServerAddress + "/ops");

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/sign-in\\?ReturnUrl=%2Fops$"));
        await page.FillAsync("#email", "ada@example.com");
        await page.FillAsync("#password", "Correct-Horse-42");
        await page.ClickAsync("#sign-in");

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/ops$"));
        await Assertions.Expect(page.Locator("#console-ready")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#operator-name")).ToHaveTextAsync("ada@example.com");
        await Assertions.Expect(page.Locator("#operator-count")).ToHaveTextAsync("1");

        // Navigation inside the console runs over the interactive circuit.
        await Assertions.Expect(page.Locator("#ops-circuit")).ToHaveAttributeAsync("data-state", "interactive");
        await page.GetByRole(AriaRole.Link, new() { Name = "Jobs" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("#jobs tr[data-job=delivery-dispatch]")).ToBeVisibleAsync();

        await page.ClickAsync("#sign-out");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/sign-in$"));
        Assert.Empty(consoleErrors);
    }
}
