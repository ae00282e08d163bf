using System.Net;
using System.Net.Http.Json;
using Astropal.Tests.TestSupport;

namespace Astropal.Tests.Integration.Site;

/// <summary>
/// docs/new-brand.md followed: a second brand is its Brand settings, a brand-assets folder (Brand:AssetsDirectory) and an
/// email template folder (Email:TemplateDirectory); the landing page, its assets and the emails carry it.
/// </summary>
public sealed class SecondBrandTests
{
    [Fact]
    public async Task A_second_brand_shows_on_the_landing_page_its_assets_and_its_emails()
    {
        using var brand = new TempDirectory("moonwise");
        var assets = Directory.CreateDirectory(brand.File("brand-assets")).FullName;
        await File.WriteAllTextAsync(Path.Combine(assets, "logo.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>Moonwise logo</title></svg>");
        var emails = brand.File("emails");
        Directory.CreateDirectory(Path.Combine(emails, "templates"));
        await File.WriteAllTextAsync(Path.Combine(emails, "templates", "confirm.txt.hbs"),
            "Welcome to the {{Brand.Name}} circle. Confirm here: {{ConfirmUrl}}\n\n{{Brand.PostalAddress}}\n");
        await using var app = AstropalAppFactory.WithSettings(new Dictionary<string, string?>
        {
            ["Brand:Name"] = "Moonwise",
            ["Brand:Tagline"] = "Read the moon, not the news.",
            ["Brand:SiteUrl"] = "https://moonwise.test",
            ["Brand:PrimaryColor"] = "#116655",
            ["Brand:AccentColor"] = "#E0C068",
            ["Brand:FromName"] = "Moonwise",
            ["Brand:FromAddress"] = "hello@moonwise.test",
            ["Brand:SupportAddress"] = "care@moonwise.test",
            ["Brand:PostalAddress"] = "Moonwise, 9 Tide Street, Porto, Portugal",
            ["Brand:LegalEntity"] = "Moonwise Lda",
            ["Brand:AssetsDirectory"] = assets,
            ["Email:TemplateDirectory"] = emails,
        });
        using var client = app.CreateClient();

        var landing = await client.GetStringAsync("/?culture=en-US");
        Assert.Contains("<title>Moonwise: Read the moon, not the news.</title>", landing, StringComparison.Ordinal);
        Assert.Contains("--brand-primary:#116655", landing, StringComparison.Ordinal);
        Assert.Contains("Moonwise, 9 Tide Street, Porto, Portugal", landing, StringComparison.Ordinal);
        Assert.DoesNotContain("Astropal", landing, StringComparison.Ordinal);

        Assert.Contains("Moonwise logo", await client.GetStringAsync("/brand/logo.svg"), StringComparison.Ordinal);
        using var favicon = await client.GetAsync("/brand/favicon.svg"); // not in the brand's folder: the built-in one
        Assert.Equal(HttpStatusCode.OK, favicon.StatusCode);

        using var signup = await client.PostAsJsonAsync("/api/readers", new
        {
            email = "ines@example.com", name = "Inês", birthDate = "1990-05-17", birthTime = "08:30", birthPlaceId = 2643743,
            timeZone = "Europe/Lisbon", deliveryTime = "07:00", locale = "en-US", perspective = "calm",
            focusAreas = new[] { "wellness" }, acceptTerms = true,
        });
        Assert.Equal(HttpStatusCode.Accepted, signup.StatusCode);
        await Readers.PortalHarness.SettledAsync(app);

        var confirmation = Assert.Single(app.OutboxMessages());
        Assert.Equal("\"Moonwise\" <hello@moonwise.test>", confirmation.From.ToString());
        Assert.Contains("Moonwise", confirmation.Subject, StringComparison.Ordinal);
        Assert.StartsWith("Welcome to the Moonwise circle. Confirm here: https://moonwise.test/", confirmation.TextBody, StringComparison.Ordinal);
        Assert.Contains("Moonwise, 9 Tide Street, Porto, Portugal", confirmation.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("https://moonwise.test/brand/logo.png", confirmation.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Astropal", confirmation.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_brand_assets_folder_that_does_not_exist_stops_startup_naming_the_setting()
    {
        await using var app = AstropalAppFactory.WithSettings(new Dictionary<string, string?>
        {
            ["Brand:AssetsDirectory"] = "/nonexistent/moonwise-assets",
        });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("Brand:AssetsDirectory '/nonexistent/moonwise-assets' does not exist", error.ToString(), StringComparison.Ordinal);
    }
}
