using Astropal.Core.Billing;
using Astropal.Tests.Integration.Billing;
using Astropal.Tests.Integration.Readers;
using Astropal.Tests.TestSupport;
using Microsoft.Playwright;

namespace Astropal.Tests.Browser;

public sealed class BillingJourneyTests
{
    [Fact]
    public async Task A_free_reader_goes_from_the_upgrade_link_through_plans_to_stripe_checkout_and_a_visitor_is_asked_to_sign_in_first()
    {
        await using var test = await BillingTestApp.StartAsync(kestrel: true);
        var reader = await test.AddReaderAsync(Tier.Free, BillingTestApp.Start.AddDays(-3));
        var site = test.App.ServerAddress;
        var (playwright, browser) = await TestSupport.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;

        // A visitor without a session: the choose button leads to "sign in to choose a plan".
        var visitor = await browser.OpenPageAsync(new() { Locale = "en-US" });
        await visitor.GotoAsync(site + "/plans");
        await Assertions.Expect(visitor.Locator("#price-basic")).ToContainTextAsync("$7.99");
        await visitor.ClickAsync("#choose-basic");
        await Assertions.Expect(visitor.Locator("#link-plans")).ToHaveTextAsync("Sign in to choose a plan");
        Assert.Empty(test.Stripe.Requests);

        // The reader: the email's preferences link opens a session; the email's upgrade link is /plans.
        var page = await browser.OpenPageAsync(new() { Locale = "en-US" });
        // Stripe's Checkout host answered by a stand-in page: the browser really follows the 303 there (the site's CSP allows it).
        await page.RouteAsync("https://checkout.stripe.com/**", route => route.FulfillAsync(new()
        {
            ContentType = "text/html",
            Body = "<!doctype html><html lang=\"en\"><head><title>Checkout</title></head><body><h1 id=\"fake-checkout\">Fake Stripe Checkout " + route.Request.Url.Split('/')[^1] + "</h1></body></html>",
        }));
        await page.GotoAsync($"{site}/me?t={PortalHarness.EmailLinkToken(test.App, reader.Id)}");
        await Assertions.Expect(page.Locator("#billing-plan")).ToContainTextAsync("Cosmic Pulse");
        await page.GotoAsync(site + "/plans");
        await page.ClickAsync("#choose-basic");

        await Assertions.Expect(page.Locator("#fake-checkout")).ToContainTextAsync("Fake Stripe Checkout cs_fake_");
        Assert.StartsWith(FakeStripeApi.CheckoutUrlPrefix, page.Url, StringComparison.Ordinal);
        var session = Assert.Single(test.Stripe.RequestsTo("/v1/checkout/sessions"));
        Assert.Equal(BillingTestApp.BasicPrice, session.Form["line_items[0][price]"]);
        Assert.Equal(reader.Id.ToString("D"), session.Form["client_reference_id"]);
    }
}
