using System.Net;
using Astropal.Tests.Integration.Billing;
using Astropal.Tests.Integration.Readers;

namespace Astropal.Tests.Web.Billing;

public sealed class PlansPageTests
{
    [Theory]
    [InlineData("en-US", "$7.99", "Choose Cosmic Coach")]
    [InlineData("es-ES", "7,99 US$", "Elegir Cosmic Coach")]
    public async Task The_plans_page_lists_the_three_tiers_with_prices_for_the_culture_and_choose_buttons(string culture, string basicPrice, string choose)
    {
        await using var test = await BillingTestApp.StartAsync();
        using var client = test.App.CreateNonRedirectingClient();

        var html = await PortalHarness.GetPageAsync(client, $"/plans?culture={culture}");

        Assert.Contains("id=\"plan-free\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"plan-pro\"", html, StringComparison.Ordinal);
        Assert.Contains(basicPrice, html, StringComparison.Ordinal);
        Assert.Contains(choose, html, StringComparison.Ordinal);
        Assert.Contains("id=\"choose-pro\"", html, StringComparison.Ordinal);
        Assert.Contains("action=\"/me/billing/checkout\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("paid-plans-unavailable", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-US", "Paid plans are not available yet")]
    [InlineData("es-ES", "Los planes de pago aún no están disponibles")]
    public async Task Without_stripe_keys_the_page_still_shows_the_plans_and_says_paid_plans_are_not_available(string culture, string notice)
    {
        await using var test = await BillingTestApp.StartAsync(withStripe: false);
        using var client = test.App.CreateNonRedirectingClient();

        using var response = await client.GetAsync(new Uri($"/plans?culture={culture}", UriKind.Relative));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(notice, html, StringComparison.Ordinal);
        Assert.Contains("Cosmic Authority", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"choose-basic\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_portal_shows_the_plan_status_renewal_date_and_the_billing_buttons()
    {
        await using var test = await BillingTestApp.StartAsync();
        var reader = await test.AddReaderAsync(Astropal.Core.Billing.Tier.Trial, BillingTestApp.Start.AddDays(3));
        using var client = await PortalHarness.SignedInClientAsync(test.App, reader.Id);

        var before = await PortalHarness.GetPageAsync(client, "/me");
        Assert.Contains("id=\"checkout-basic\"", before, StringComparison.Ordinal);
        Assert.Contains("Your trial ends on December 10, 2026.", before, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"manage-billing\"", before, StringComparison.Ordinal);

        await test.PostWebhookOkAsync(TestSupport.FakeStripeApi.Event("evt_checkout", "checkout.session.completed", test.Time.GetUtcNow(),
            TestSupport.FakeStripeApi.CheckoutSession("cs_1", reader.Id, "cus_p", "sub_p")));
        await test.PostWebhookOkAsync(TestSupport.FakeStripeApi.Event("evt_created", "customer.subscription.created", test.Time.GetUtcNow(),
            TestSupport.FakeStripeApi.Subscription("sub_p", "cus_p", "active", BillingTestApp.ProPrice, new DateTimeOffset(2027, 1, 7, 10, 0, 0, TimeSpan.Zero))));

        var after = await PortalHarness.GetPageAsync(client, "/me");
        Assert.Contains("Pro: Cosmic Authority", after, StringComparison.Ordinal);
        Assert.Contains(">Active<", after, StringComparison.Ordinal);
        Assert.Contains("January 7, 2027", after, StringComparison.Ordinal);
        Assert.Contains("id=\"manage-billing\"", after, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"checkout-basic\"", after, StringComparison.Ordinal);
    }
}
