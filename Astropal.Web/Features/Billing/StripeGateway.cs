using Microsoft.Extensions.Options;
using Stripe;

namespace Astropal.Web.Features.Billing;

/// <summary>
/// Every call Astropal makes to Stripe's API, through Stripe.net's <see cref="StripeClient"/> pointed at
/// <c>Stripe:ApiBase</c> (Stripe itself, stripe-mock or the tests' fake). Throws <see cref="BillingNotConfiguredException"/>
/// without <c>Stripe:SecretKey</c>, and Stripe.net's <see cref="StripeException"/> when the API refuses.
/// </summary>
public sealed class StripeGateway(IOptions<StripeOptions> options)
{
    private readonly Lazy<StripeClient?> _client = new(() => options.Value.IsConfigured
        ? new StripeClient(apiKey: options.Value.SecretKey, apiBase: options.Value.ApiBase.TrimEnd('/'))
        : null);

    public bool IsConfigured => options.Value.IsConfigured;

    private StripeClient Client => _client.Value ?? throw new BillingNotConfiguredException();

    /// <summary>Creates the reader's customer; returns its id (<c>cus_...</c>).</summary>
    public async Task<string> CreateCustomerAsync(Guid readerId, string email, string? name, CancellationToken cancellationToken)
    {
        var customer = await new CustomerService(Client).CreateAsync(
            new CustomerCreateOptions
            {
                Email = email,
                Name = name,
                Metadata = new Dictionary<string, string> { ["reader_id"] = readerId.ToString("D") },
            },
            new RequestOptions { IdempotencyKey = $"astropal-customer-{readerId:N}" },
            cancellationToken);
        return customer.Id;
    }

    /// <summary>A Checkout Session in subscription mode for one price; returns the URL to send the reader to.</summary>
    public async Task<string> CreateCheckoutSessionAsync(CheckoutRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var session = await new Stripe.Checkout.SessionService(Client).CreateAsync(
            new Stripe.Checkout.SessionCreateOptions
            {
                Mode = "subscription",
                Customer = request.CustomerId,
                ClientReferenceId = request.ReaderId.ToString("D"),
                LineItems = [new Stripe.Checkout.SessionLineItemOptions { Price = request.PriceId, Quantity = 1 }],
                SuccessUrl = request.SuccessUrl,
                CancelUrl = request.CancelUrl,
                SubscriptionData = new Stripe.Checkout.SessionSubscriptionDataOptions
                {
                    TrialEnd = request.TrialEnd?.UtcDateTime,
                    Metadata = new Dictionary<string, string> { ["reader_id"] = request.ReaderId.ToString("D") },
                },
            },
            cancellationToken: cancellationToken);
        return session.Url ?? throw new StripeException("Stripe returned a Checkout Session without a URL.");
    }

    /// <summary>A customer portal session; returns its URL.</summary>
    public async Task<string> CreatePortalSessionAsync(string customerId, string returnUrl, CancellationToken cancellationToken)
    {
        var session = await new Stripe.BillingPortal.SessionService(Client).CreateAsync(
            new Stripe.BillingPortal.SessionCreateOptions { Customer = customerId, ReturnUrl = returnUrl },
            cancellationToken: cancellationToken);
        return session.Url ?? throw new StripeException("Stripe returned a portal session without a URL.");
    }

    /// <summary>The subscription's current state.</summary>
    public Task<Subscription> GetSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken) =>
        new SubscriptionService(Client).GetAsync(subscriptionId, cancellationToken: cancellationToken);
}
