using Astropal.Core.Billing;
using Astropal.Tests.Integration.Billing;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Billing;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Astropal.Tests.Web.Billing;

/// <summary>/ops/billing and the billing panel of a reader's console page, over a database the webhook filled.</summary>
public sealed class BillingConsolePageTests : BunitContext, IAsyncLifetime
{
    private BillingTestApp test = default!;
    private AsyncServiceScope scope;

    public BillingConsolePageTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    public async Task InitializeAsync()
    {
        test = await BillingTestApp.StartAsync();
        scope = test.App.Services.CreateAsyncScope();
        Services.AddSingleton(scope.ServiceProvider.GetRequiredService<BillingConsole>());
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await scope.DisposeAsync();
        await test.DisposeAsync();
    }

    private async Task<Guid> SubscribeAsync(string email, string customer, string subscription, string status, string price)
    {
        var reader = await test.AddReaderAsync(Tier.Trial, BillingTestApp.Start.AddDays(-1), email);
        var now = test.Time.GetUtcNow();
        await test.PostWebhookOkAsync(FakeStripeApi.Event("evt_c_" + subscription, "checkout.session.completed", now, FakeStripeApi.CheckoutSession("cs_" + subscription, reader.Id, customer, subscription)));
        await test.PostWebhookOkAsync(FakeStripeApi.Event("evt_s_" + subscription, "customer.subscription.created", now, FakeStripeApi.Subscription(subscription, customer, status, price, now.AddMonths(1))));
        return reader.Id;
    }

    [Fact]
    public async Task The_billing_page_shows_paying_readers_by_plan_mrr_conversion_trials_ending_past_due_and_webhook_outcomes()
    {
        AddAuthorization().SetAuthorized("olu@example.com");
        await SubscribeAsync("basic1@example.com", "cus_1", "sub_1", "active", BillingTestApp.BasicPrice);
        await SubscribeAsync("basic2@example.com", "cus_2", "sub_2", "active", BillingTestApp.BasicPrice);
        await SubscribeAsync("pro@example.com", "cus_3", "sub_3", "past_due", BillingTestApp.ProPrice);
        await test.AddReaderAsync(Tier.Trial, BillingTestApp.Start.AddDays(3), "ending@example.com");
        await test.AddReaderAsync(Tier.Free, BillingTestApp.Start.AddDays(-2), "lapsed@example.com");

        var cut = Render<BillingPage>();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("#webhook-events tbody tr")));
        Assert.Equal("2", cut.Find("#paying-basic .count").TextContent.Trim());
        Assert.Equal("0", cut.Find("#paying-pro .count").TextContent.Trim());
        Assert.Contains("$15.98", cut.Find("#mrr").TextContent, StringComparison.Ordinal);
        Assert.Contains("2 of 4 ended trials subscribed", cut.Find("#conversion").TextContent, StringComparison.Ordinal);
        Assert.Contains("50.0", cut.Find("#conversion").TextContent, StringComparison.Ordinal);
        Assert.Contains("ending@example.com", cut.Find("#trials-ending").TextContent, StringComparison.Ordinal);
        Assert.Contains("pro@example.com", cut.Find("#past-due").TextContent, StringComparison.Ordinal);
        var events = cut.Find("#webhook-events").TextContent;
        Assert.Equal(6, cut.FindAll("#webhook-events tbody tr").Count);
        Assert.Contains("customer.subscription.created", events, StringComparison.Ordinal);
        Assert.Contains("sub_1 active, tier Trial → Basic", events, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_readers_console_page_panel_shows_their_stripe_state()
    {
        AddAuthorization().SetAuthorized("olu@example.com");
        var readerId = await SubscribeAsync("basic1@example.com", "cus_1", "sub_1", "active", BillingTestApp.BasicPrice);
        var never = await test.AddReaderAsync(Tier.Free, null, "never@example.com");

        var cut = Render<ReaderBillingPanel>(p => p.Add(c => c.ReaderId, readerId));
        cut.WaitForAssertion(() => Assert.Equal("cus_1", cut.Find("#billing-customer").TextContent.Trim()));
        Assert.Equal("sub_1", cut.Find("#billing-subscription").TextContent.Trim());
        Assert.Equal("active", cut.Find("#billing-status").TextContent.Trim());

        var none = Render<ReaderBillingPanel>(p => p.Add(c => c.ReaderId, never.Id));
        none.WaitForAssertion(() => Assert.Contains("never started a checkout", none.Find("#no-billing").TextContent, StringComparison.Ordinal));
    }
}
