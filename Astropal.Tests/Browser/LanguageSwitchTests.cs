using Astropal.Tests.TestSupport;
using Microsoft.Playwright;

namespace Astropal.Tests.Browser;

public sealed class LanguageSwitchTests
{
    [Fact]
    public async Task The_language_switch_turns_the_interactive_sign_up_page_spanish_messages_included()
    {
        await using var app = new AstropalAppFactory();
        app.UseKestrel(0);
        app.StartServer();
        var (playwright, browser) = await TestSupport.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.OpenPageAsync(new() { TimezoneId = "Europe/Madrid", Locale = "en-US" });

        await page.GotoAsync(app.ServerAddress + "/start?r=AMIGA01");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your sky, every morning");
        await page.ClickAsync("#language-es-ES");

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/start\?r=AMIGA01&culture=es-ES$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Tu cielo, cada mañana");
        await Assertions.Expect(page.Locator("#time-zone")).ToHaveValueAsync("Europe/Madrid");

        // Messages come from the interactive circuit, whose connection carries only the cookie.
        // The message stays after the reader moves on to the next field.
        await page.FillAsync("#email", "ana@ejemplo");
        await page.FillAsync("#name", "Ana");
        await Assertions.Expect(page.Locator("#email")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.ClickAsync("#sign-up");
        await Assertions.Expect(page.Locator("#signup-problem")).ToHaveTextAsync("Revisa los campos marcados.");
        await Assertions.Expect(page.GetByText("Escribe una dirección de correo como nombre@ejemplo.com.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Elige al menos un área de interés.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#referral")).ToHaveTextAsync("Te han invitado con el código AMIGA01.");

        await page.GotoAsync(app.ServerAddress + "/");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "es");
    }
}
