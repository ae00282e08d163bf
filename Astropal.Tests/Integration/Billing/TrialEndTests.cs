using Astropal.Core.Billing;
using Astropal.Core.Delivery;
using Astropal.Core.Email;

namespace Astropal.Tests.Integration.Billing;

public sealed class TrialEndTests
{
    [Fact]
    public async Task A_trial_ending_tomorrow_gets_one_trial_ending_email_at_the_delivery_hour_and_after_the_end_free_with_one_trial_ended_email()
    {
        await using var test = await BillingTestApp.StartAsync();
        // Start: Monday 10:00 UTC; the reader (Europe/London, 06:30) ends the trial on Tuesday at 12:00 UTC.
        var ends = BillingTestApp.Start.AddHours(26);
        var reader = await test.AddReaderAsync(Tier.Trial, ends);

        Assert.Equal(1, (await test.RunBillingJobAsync()).TrialEndingQueued);
        Assert.Equal(0, (await test.RunBillingJobAsync()).TrialEndingQueued);
        var notice = Assert.Single(await test.DeliveriesAsync(reader.Id, EmailTemplate.TrialEnding));
        var deliveryHour = new DateTimeOffset(2026, 12, 8, 6, 30, 0, TimeSpan.Zero);
        Assert.Equal(deliveryHour, notice.TargetAt);

        await test.DispatchAsync();
        Assert.Empty(test.Sent("trial ends"));
        test.Time.SetUtcNow(deliveryHour.AddMinutes(1));
        await test.RunBillingJobAsync();
        await test.DispatchAsync();
        await test.DispatchAsync();
        var ending = Assert.Single(test.Sent("trial ends"));
        Assert.Contains("Tuesday, December 8", ending.Subject, StringComparison.Ordinal);
        Assert.Equal(Tier.Trial, (await test.ReaderAsync(reader.Id)).Tier);

        test.Time.SetUtcNow(ends.AddMinutes(20));
        Assert.Equal(1, (await test.RunBillingJobAsync()).TrialsEnded);
        Assert.Equal(Tier.Free, (await test.ReaderAsync(reader.Id)).Tier);
        await test.RunBillingJobAsync();
        var ended = Assert.Single(await test.DeliveriesAsync(reader.Id, EmailTemplate.TrialEnded));
        Assert.Equal(deliveryHour.AddDays(1), ended.TargetAt);

        test.Time.SetUtcNow(deliveryHour.AddDays(1).AddMinutes(1));
        await test.RunBillingJobAsync();
        await test.DispatchAsync();
        await test.DispatchAsync();
        Assert.Single(test.Sent("trial has ended"));
        Assert.Single(test.Sent("trial ends"));
        Assert.Equal(DeliveryStatus.Sent, Assert.Single(await test.DeliveriesAsync(reader.Id, EmailTemplate.TrialEnded)).Status);
    }

    [Fact]
    public async Task A_reader_who_subscribed_during_the_trial_keeps_the_plan_and_gets_no_trial_emails()
    {
        await using var test = await BillingTestApp.StartAsync();
        var ends = BillingTestApp.Start.AddHours(26);
        var reader = await test.AddReaderAsync(Tier.Trial, ends);
        await test.PostWebhookOkAsync(TestSupport.FakeStripeApi.Event("evt_checkout", "checkout.session.completed", test.Time.GetUtcNow(),
            TestSupport.FakeStripeApi.CheckoutSession("cs_1", reader.Id, "cus_t", "sub_t")));
        await test.PostWebhookOkAsync(TestSupport.FakeStripeApi.Event("evt_created", "customer.subscription.created", test.Time.GetUtcNow(),
            TestSupport.FakeStripeApi.Subscription("sub_t", "cus_t", "trialing", BillingTestApp.ProPrice, ends)));

        await test.RunBillingJobAsync();
        test.Time.SetUtcNow(ends.AddHours(1));
        await test.RunBillingJobAsync();

        Assert.Equal(Tier.Pro, (await test.ReaderAsync(reader.Id)).Tier);
        Assert.Empty(await test.DeliveriesAsync(reader.Id, EmailTemplate.TrialEnding));
        Assert.Empty(await test.DeliveriesAsync(reader.Id, EmailTemplate.TrialEnded));
    }
}
