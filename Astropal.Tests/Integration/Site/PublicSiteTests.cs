using System.Net;
using Astropal.Tests.TestSupport;

namespace Astropal.Tests.Integration.Site;

public sealed class PublicSiteTests
{
    [Fact]
    public async Task Landing_page_shows_brand_perspectives_and_prices_from_configuration()
    {
        await using var app = AstropalAppFactory.WithSettings(new Dictionary<string, string?>
        {
            ["Brand:Name"] = "Starling",
            ["Billing:Basic:MonthlyPrice"] = "9.49",
            ["Billing:Pro:MonthlyPrice"] = "19",
        });
        using var client = app.CreateClient();

        var html = await client.GetStringAsync("/");

        Assert.Contains("Starling", html, StringComparison.Ordinal);
        Assert.Contains("$9.49", html, StringComparison.Ordinal);
        Assert.Contains("$19", html, StringComparison.Ordinal);
        Assert.DoesNotContain("$7.99", html, StringComparison.Ordinal);
        foreach (var name in new[] { "Calm &amp; Centered", "Cosmic Knowledge", "Success &amp; Achievement", "Evidence-Based" })
        {
            Assert.Contains(name, html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/privacy", "Privacy")]
    [InlineData("/terms", "Terms of service")]
    [InlineData("/credits", "GeoNames")]
    public async Task Legal_pages_are_served(string path, string expected)
    {
        await using var app = new AstropalAppFactory();
        using var client = app.CreateClient();

        var html = await client.GetStringAsync(path);

        Assert.Contains(expected, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Brand_assets_from_wwwroot_assets_are_served_under_brand()
    {
        await using var app = new AstropalAppFactory();
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/brand/logo.svg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<svg", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_carry_security_headers()
    {
        await using var app = new AstropalAppFactory();
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/");

        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Unknown_pages_answer_404_with_a_friendly_page()
    {
        await using var app = new AstropalAppFactory();
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("couldn't find that page", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
