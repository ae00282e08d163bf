using System.ComponentModel.DataAnnotations;
using Astropal.Web.Features.Billing;

namespace Astropal.Tests.Web.Billing;

public sealed class StripeOptionsTests
{
    private static List<string> Errors(StripeOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Select(r => r.ErrorMessage ?? "").ToList();
    }

    [Fact]
    public void Without_keys_billing_is_off_and_valid()
    {
        var options = new StripeOptions();

        Assert.Empty(Errors(options));
        Assert.False(options.IsConfigured);
        Assert.Equal("https://api.stripe.com", options.ApiBase);
    }

    [Fact]
    public void Keys_of_the_wrong_kind_and_a_relative_api_base_are_named_in_the_errors()
    {
        var errors = Errors(new StripeOptions { SecretKey = "pk_live_x", PublishableKey = "sk_live_y", WebhookSecret = "secret", ApiBase = "/v1" });

        Assert.Equal(
            [
                "Stripe:ApiBase must be an absolute http(s) URL (got '/v1').",
                "Stripe:SecretKey must be a Stripe secret key (sk_... or rk_...).",
                "Stripe:PublishableKey must be a Stripe publishable key (pk_...).",
                "Stripe:WebhookSecret must be a webhook signing secret (whsec_...).",
            ],
            errors);
    }

    [Fact]
    public void A_secret_key_without_a_webhook_secret_is_refused()
    {
        var errors = Errors(new StripeOptions { SecretKey = "sk_test_x" });

        Assert.Equal(["Stripe:WebhookSecret is required when Stripe:SecretKey is set (subscriptions are only known from the webhook)."], errors);
    }

    [Fact]
    public void A_local_api_base_for_stripe_mock_is_accepted()
    {
        var options = new StripeOptions { SecretKey = "sk_test_123", WebhookSecret = "whsec_abc", ApiBase = "http://localhost:12111" };

        Assert.Empty(Errors(options));
        Assert.True(options.IsConfigured);
    }
}
