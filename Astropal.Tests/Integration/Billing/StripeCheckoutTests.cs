using System.Globalization;
using System.Net;
using Astropal.Core.Billing;
using Astropal.Tests.Integration.Readers;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Billing;

namespace Astropal.Tests.Integration.Billing;

public sealed class StripeCheckoutTests
{
    [Fact]
    public async Task A_confirmed_reader_posting_the_checkout_form_is_sent_to_the_session_the_api_created_with_the_plan_price_and_the_reader()
    {
        await using var test = await BillingTestApp.StartAsync();
        var trialEnds = BillingTestApp.Start.AddDays(5);
        var reader = await test.AddReaderAsync(Tier.Trial, trialEnds);
        using var client = await PortalHarness.SignedInClientAsync(test.App, reader.Id);

        using var response = await BillingTestApp.PostCheckoutAsync(client, "basic");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var session = Assert.Single(test.Stripe.RequestsTo("/v1/checkout/sessions"));
        Assert.StartsWith(FakeStripeApi.CheckoutUrlPrefix, response.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal("subscription", session.Form["mode"]);
        Assert.Equal(BillingTestApp.BasicPrice, session.Form["line_items[0][price]"]);
        Assert.Equal(reader.Id.ToString("D"), session.Form["client_reference_id"]);
        Assert.Equal("https://astropal.test/me?done=checkout", session.Form["success_url"]);
        Assert.Equal(trialEnds.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), session.Form["subscription_data[trial_end]"]);
        Assert.Equal("Bearer sk_test_fake", session.Authorization);

        // The customer was created once, stored, and is the session's.
        var customer = Assert.Single(test.Stripe.RequestsTo("/v1/customers"));
        Assert.Equal("ada@example.com", customer.Form["email"]);
        var stored = (await test.BillingAsync(reader.Id))?.StripeCustomerId;
        Assert.NotNull(stored);
        Assert.Equal(stored, session.Form["customer"]);

        using var again = await BillingTestApp.PostCheckoutAsync(client, "pro");
        Assert.Equal(HttpStatusCode.SeeOther, again.StatusCode);
        Assert.Single(test.Stripe.RequestsTo("/v1/customers"));
        Assert.Equal(BillingTestApp.ProPrice, test.Stripe.RequestsTo("/v1/checkout/sessions")[1].Form["line_items[0][price]"]);
        Assert.Equal(stored, test.Stripe.RequestsTo("/v1/checkout/sessions")[1].Form["customer"]);
    }

    [Fact]
    public async Task A_trial_with_less_than_48_hours_left_is_not_carried_into_checkout()
    {
        await using var test = await BillingTestApp.StartAsync();
        var reader = await test.AddReaderAsync(Tier.Trial, BillingTestApp.Start.AddHours(20));
        using var client = await PortalHarness.SignedInClientAsync(test.App, reader.Id);

        using var response = await BillingTestApp.PostCheckoutAsync(client, "basic");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.False(Assert.Single(test.Stripe.RequestsTo("/v1/checkout/sessions")).Form.ContainsKey("subscription_data[trial_end]"));
    }

    [Fact]
    public async Task An_unknown_plan_is_refused_and_nothing_is_created()
    {
        await using var test = await BillingTestApp.StartAsync();
        var reader = await test.AddReaderAsync(Tier.Free);
        using var client = await PortalHarness.SignedInClientAsync(test.App, reader.Id);

        using var response = await BillingTestApp.PostCheckoutAsync(client, "gold");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Unknown plan 'gold'", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(test.Stripe.Requests);
        Assert.Null(await test.BillingAsync(reader.Id));
    }

    [Fact]
    public async Task Without_a_reader_session_checkout_sends_the_visitor_to_sign_in_first()
    {
        await using var test = await BillingTestApp.StartAsync();
        using var client = test.App.CreateNonRedirectingClient();

        using var response = await BillingTestApp.PostCheckoutAsync(client, "basic", BillingPaths.Plans);

        Assert.Equal("/me/link?reason=plans", PortalHarness.RedirectOf(response));
        Assert.Empty(test.Stripe.Requests);
    }

    [Fact]
    public async Task Without_stripe_keys_checkout_says_paid_plans_are_not_available()
    {
        await using var test = await BillingTestApp.StartAsync(withStripe: false);
        var reader = await test.AddReaderAsync(Tier.Free);
        using var client = await PortalHarness.SignedInClientAsync(test.App, reader.Id);

        using var response = await BillingTestApp.PostCheckoutAsync(client, "basic");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("not configured (Stripe:SecretKey)", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(test.Stripe.Requests);
    }

    [Fact]
    public async Task The_portal_button_opens_a_billing_portal_session_for_the_readers_customer()
    {
        await using var test = await BillingTestApp.StartAsync();
        var reader = await test.AddReaderAsync(Tier.Free);
        using var client = await PortalHarness.SignedInClientAsync(test.App, reader.Id);
        using (await BillingTestApp.PostCheckoutAsync(client, "basic"))
        {
        }

        var token = Forms.AntiforgeryTokenIn(await client.GetStringAsync(new Uri("/me", UriKind.Relative)));
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        using var response = await client.PostAsync(new Uri(BillingPaths.Portal, UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.StartsWith(FakeStripeApi.PortalUrlPrefix, response.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
        var portal = Assert.Single(test.Stripe.RequestsTo("/v1/billing_portal/sessions"));
        Assert.Equal((await test.BillingAsync(reader.Id))!.StripeCustomerId, portal.Form["customer"]);
        Assert.Equal("https://astropal.test/me", portal.Form["return_url"]);
    }
}
