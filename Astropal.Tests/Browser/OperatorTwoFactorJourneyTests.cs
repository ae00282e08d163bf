using System.Text.RegularExpressions;
using Astropal.Tests.TestSupport;
using Microsoft.Playwright;

namespace Astropal.Tests.Browser;

public sealed partial class OperatorTwoFactorJourneyTests
{
    [Fact]
    public async Task An_operator_enrols_an_authenticator_at_first_sign_in_and_then_signs_in_with_a_code()
    {
        await using var app = AstropalAppFactory.WithSettings(new Dictionary<string, string?> { ["Operators:RequireTwoFactor"] = "true" });
        app.UseKestrel(0);
        app.StartServer();
        await app.CreateOperatorAsync("ada@example.com", "Admin", "Correct-Horse-42");
        var (playwright, browser) = await TestSupport.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.OpenPageAsync();

        await page.GotoAsync(app.ServerAddress + "/ops/operators");
        await page.FillAsync("#email", "ada@example.com");
        await page.FillAsync("#password", "Correct-Horse-42");
        await page.ClickAsync("#sign-in");

        // No console page before the authenticator is set up.
        await Assertions.Expect(page).ToHaveURLAsync(TwoFactorPage());
        await Assertions.Expect(page.Locator("#two-factor-required")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#authenticator-qr")).ToBeVisibleAsync();
        var key = await page.Locator("#authenticator-key").InnerTextAsync();
        await page.FillAsync("#code", Totp.Now(key));
        await page.ClickAsync("#enable-two-factor");
        await Assertions.Expect(page.Locator("#recovery-codes li")).ToHaveCountAsync(10);
        await page.ClickAsync("#continue");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/ops/operators$"));
        await Assertions.Expect(page.Locator("#my-two-factor-state")).ToHaveTextAsync("on");

        // The next sign-in asks for a code after the password.
        await page.ClickAsync("#sign-out");
        await page.FillAsync("#email", "ada@example.com");
        await page.FillAsync("#password", "Correct-Horse-42");
        await page.ClickAsync("#sign-in");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/sign-in/two-factor"));
        await page.FillAsync("#code", Totp.Now(key));
        await page.ClickAsync("#verify-code");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/ops$"));
        await Assertions.Expect(page.Locator("#console-ready")).ToBeVisibleAsync();
    }

    [GeneratedRegex("/account/two-factor\\?ReturnUrl=%2Fops%2Foperators$")]
    private static partial Regex TwoFactorPage();
}
