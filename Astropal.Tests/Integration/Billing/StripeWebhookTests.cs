using System.Net;
using Astropal.Core.Billing;
using Astropal.Core.Delivery;
using Astropal.Core.Email;
using Astropal.Tests.TestSupport;

namespace Astropal.Tests.Integration.Billing;

public sealed class StripeWebhookTests
{
    private const string Customer = "cus_webhook_1";
    private const string Sub = "sub_webhook_1";

    private static readonly DateTimeOffset PeriodEnd = BillingTestApp.Start.AddMonths(1);

    /// <summary>A reader who went through checkout: the customer is stored on their billing row.</summary>
    private static async Task<Guid> SubscribedReaderAsync(BillingTestApp test, string status = "active")
    {
        var reader = await test.AddReaderAsync(Tier.Trial, BillingTestApp.Start.AddDays(3));
        var now = test.Time.GetUtcNow();
        await test.PostWebhookOkAsync(FakeStripeApi.Event("evt_checkout", "checkout.session.completed", now, FakeStripeApi.CheckoutSession("cs_1", reader.Id, Customer, Sub)));
        await test.PostWebhookOkAsync(FakeStripeApi.Event("evt_created", "customer.subscription.created", now, FakeStripeApi.Subscription(Sub, Customer, status, BillingTestApp.BasicPrice, PeriodEnd)));
        return reader.Id;
    }

    [Fact]
    public async Task Checkout_completed_and_subscription_created_make_the_reader_basic_and_the_same_event_again_changes_nothing()
    {
        await using var test = await BillingTestApp.StartAsync();
        var readerId = await SubscribedReaderAsync(test);

        Assert.Equal(Tier.Basic, (await test.ReaderAsync(readerId)).Tier);
        var billing = (await test.BillingAsync(readerId))!;
        Assert.Equal((Customer, Sub, "active", BillingTestApp.BasicPrice, (Tier?)Tier.Basic, (DateTimeOffset?)PeriodEnd, false),
            (billing.StripeCustomerId, billing.SubscriptionId, billing.SubscriptionStatus, billing.PriceId, billing.PlanTier, billing.CurrentPeriodEnd, billing.CancelAtPeriodEnd));
        Assert.Single(await test.DeliveriesAsync(readerId, EmailTemplate.SubscriptionStarted));
        Assert.Equal(2, await test.ProcessedEventsAsync());

        // The same event id again (Stripe retries) is acknowledged and applied no more, even with a different body.
        var replay = FakeStripeApi.Event("evt_created", "customer.subscription.created", test.Time.GetUtcNow().AddSeconds(5),
            FakeStripeApi.Subscription(Sub, Customer, "canceled", BillingTestApp.BasicPrice, PeriodEnd));
        using var response = await test.PostWebhookAsync(replay);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Tier.Basic, (await test.ReaderAsync(readerId)).Tier);
        Assert.Equal("active", (await test.BillingAsync(readerId))!.SubscriptionStatus);
        Assert.Equal(2, await test.ProcessedEventsAsync());
        Assert.Single(await test.DeliveriesAsync(readerId, EmailTemplate.SubscriptionStarted));
    }

    [Fact]
    public async Task A_bad_signature_and_a_ten_minute_old_signature_get_400_and_change_nothing()
    {
        await using var test = await BillingTestApp.StartAsync();
        var reader = await test.AddReaderAsync(Tier.Trial, BillingTestApp.Start.AddDays(3));
        var checkout = FakeStripeApi.Event("evt_checkout", "checkout.session.completed", test.Time.GetUtcNow(), FakeStripeApi.CheckoutSession("cs_1", reader.Id, Customer, Sub));
        var created = FakeStripeApi.Event("evt_created", "customer.subscription.created", test.Time.GetUtcNow(),
            FakeStripeApi.Subscription(Sub, Customer, "active", BillingTestApp.BasicPrice, PeriodEnd, readerId: reader.Id));

        using var wrongSecret = await test.PostWebhookAsync(created, secret: "whsec_someone_else");
        using var old = await test.PostWebhookAsync(checkout, signedAt: test.Time.GetUtcNow().AddMinutes(-10));

        Assert.Equal(HttpStatusCode.BadRequest, wrongSecret.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, old.StatusCode);
        Assert.Equal(0, await test.ProcessedEventsAsync());
        Assert.Null(await test.BillingAsync(reader.Id));
        Assert.Equal(Tier.Trial, (await test.ReaderAsync(reader.Id)).Tier);

        // A request without any signature header at all is refused the same way.
        using var client = test.App.CreateClient();
        using var unsigned = await client.PostAsync(new Uri(Astropal.Web.Features.Billing.StripeWebhook.Path, UriKind.Relative), new StringContent(created));
        Assert.Equal(HttpStatusCode.BadRequest, unsigned.StatusCode);
    }

    [Fact]
    public async Task Unknown_event_types_are_acknowledged_and_ignored()
    {
        await using var test = await BillingTestApp.StartAsync();

        using var response = await test.PostWebhookAsync(FakeStripeApi.Event("evt_other", "customer.created", test.Time.GetUtcNow(), """{"id":"cus_x","object":"customer"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ignored", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, await test.ProcessedEventsAsync());
    }

    [Fact]
    public async Task A_failed_payment_sends_one_payment_failed_email_with_a_link_to_fix_the_card()
    {
        await using var test = await BillingTestApp.StartAsync();
        var readerId = await SubscribedReaderAsync(test);
        var failed = FakeStripeApi.Event("evt_failed", "invoice.payment_failed", test.Time.GetUtcNow(), FakeStripeApi.Invoice("in_1", Customer, Sub));

        await test.PostWebhookOkAsync(failed);
        await test.PostWebhookOkAsync(failed);
        await test.PostWebhookOkAsync(FakeStripeApi.Event("evt_failed_again", "invoice.payment_failed", test.Time.GetUtcNow(), FakeStripeApi.Invoice("in_1", Customer, Sub)));
        await test.DispatchAsync();
        await test.DispatchAsync();

        var row = Assert.Single(await test.DeliveriesAsync(readerId, EmailTemplate.PaymentFailed));
        Assert.Equal(("in_1", DeliveryStatus.Sent), (row.Reference, row.Status));
        var email = Assert.Single(test.Sent("payment did not go through"));
        Assert.Contains("https://astropal.test/me?t=", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("#billing", email.TextBody, StringComparison.Ordinal);
        Assert.Equal(Tier.Basic, (await test.ReaderAsync(readerId)).Tier);
    }

    [Fact]
    public async Task A_deleted_subscription_makes_the_reader_free_with_one_subscription_ended_email()
    {
        await using var test = await BillingTestApp.StartAsync();
        var readerId = await SubscribedReaderAsync(test);
        test.Time.Advance(TimeSpan.FromDays(3));

        await test.PostWebhookOkAsync(FakeStripeApi.Event("evt_deleted", "customer.subscription.deleted", test.Time.GetUtcNow(),
            FakeStripeApi.Subscription(Sub, Customer, "canceled", BillingTestApp.BasicPrice, PeriodEnd)));
        await test.DispatchAsync();

        Assert.Equal(Tier.Free, (await test.ReaderAsync(readerId)).Tier);
        Assert.Equal("canceled", (await test.BillingAsync(readerId))!.SubscriptionStatus);
        Assert.Single(await test.DeliveriesAsync(readerId, EmailTemplate.SubscriptionEnded));
        Assert.Single(test.Sent("subscription has ended"));
    }

    [Fact]
    public async Task A_late_older_event_never_rolls_the_state_back_the_api_has_the_current_state()
    {
        await using var test = await BillingTestApp.StartAsync();
        var readerId = await SubscribedReaderAsync(test);
        var createdAt = test.Time.GetUtcNow();
        test.Time.Advance(TimeSpan.FromDays(30));
        var now = test.Time.GetUtcNow();

        // Stripe: past due at now; an older "updated" (still active, from a day after creation) arrives after it.
        test.Stripe.Subscriptions[Sub] = FakeStripeApi.Subscription(Sub, Customer, "past_due", BillingTestApp.BasicPrice, PeriodEnd);
        await test.PostWebhookOkAsync(FakeStripeApi.Event("evt_past_due", "customer.subscription.updated", now,
            FakeStripeApi.Subscription(Sub, Customer, "past_due", BillingTestApp.BasicPrice, PeriodEnd)));
        await test.PostWebhookOkAsync(FakeStripeApi.Event("evt_old_active", "customer.subscription.updated", createdAt.AddDays(1),
            FakeStripeApi.Subscription(Sub, Customer, "active", BillingTestApp.BasicPrice, PeriodEnd.AddMonths(-1))));

        var billing = (await test.BillingAsync(readerId))!;
        Assert.Equal("past_due", billing.SubscriptionStatus);
        Assert.Equal(now, billing.StateCreatedAt);
        Assert.Equal(now, billing.PastDueSince);
        Assert.Single(test.Stripe.RequestsTo($"/v1/subscriptions/{Sub}"));
        Assert.Equal(Tier.Basic, (await test.ReaderAsync(readerId)).Tier);

        // Past due keeps the tier for Billing:GraceDays (7), then the billing job moves the reader to Free.
        test.Time.Advance(TimeSpan.FromDays(6));
        await test.RunBillingJobAsync();
        Assert.Equal(Tier.Basic, (await test.ReaderAsync(readerId)).Tier);
        test.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, (await test.RunBillingJobAsync()).GraceExpired);
        Assert.Equal(Tier.Free, (await test.ReaderAsync(readerId)).Tier);
    }

    [Fact]
    public async Task Subscription_events_before_checkout_completed_find_the_reader_by_the_stored_customer()
    {
        await using var test = await BillingTestApp.StartAsync();
        var reader = await test.AddReaderAsync(Tier.Free);
        using (var client = await Readers.PortalHarness.SignedInClientAsync(test.App, reader.Id))
        using (await BillingTestApp.PostCheckoutAsync(client, "pro"))
        {
        }

        var customer = (await test.BillingAsync(reader.Id))!.StripeCustomerId!;
        await test.PostWebhookOkAsync(FakeStripeApi.Event("evt_created", "customer.subscription.created", test.Time.GetUtcNow(),
            FakeStripeApi.Subscription("sub_pro", customer, "active", BillingTestApp.ProPrice, PeriodEnd)));
        await test.PostWebhookOkAsync(FakeStripeApi.Event("evt_checkout", "checkout.session.completed", test.Time.GetUtcNow(),
            FakeStripeApi.CheckoutSession("cs_1", reader.Id, customer, "sub_pro")));

        Assert.Equal(Tier.Pro, (await test.ReaderAsync(reader.Id)).Tier);
        Assert.Equal("sub_pro", (await test.BillingAsync(reader.Id))!.SubscriptionId);
    }
}
