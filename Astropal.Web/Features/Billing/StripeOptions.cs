using System.ComponentModel.DataAnnotations;

namespace Astropal.Web.Features.Billing;

/// <summary>
/// Settings of the <c>Stripe</c> section. Without <see cref="SecretKey"/> billing is off: <c>/plans</c> shows the plans
/// and says paid plans are not available yet, checkout and the customer portal answer so, and the webhook answers 404.
/// </summary>
public sealed class StripeOptions : IValidatableObject
{
    public const string SectionName = "Stripe";

    public const string DefaultApiBase = "https://api.stripe.com";

    /// <summary>Secret API key (<c>sk_...</c> or a restricted <c>rk_...</c>).</summary>
    public string? SecretKey { get; set; }

    /// <summary>Publishable key (<c>pk_...</c>); not needed by the server-side Checkout redirect, kept for the client.</summary>
    public string? PublishableKey { get; set; }

    /// <summary>The webhook endpoint's signing secret (<c>whsec_...</c>).</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Stripe's API address; another one for stripe-mock or a local fake.</summary>
    public string ApiBase { get; set; } = DefaultApiBase;

    /// <summary>Whether the API can be called (a secret key is set).</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(SecretKey);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(ApiBase, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            yield return new ValidationResult($"Stripe:ApiBase must be an absolute http(s) URL (got '{ApiBase}').", [nameof(ApiBase)]);
        }

        if (!string.IsNullOrWhiteSpace(SecretKey) && !SecretKey.StartsWith("sk_", StringComparison.Ordinal) && !SecretKey.StartsWith("rk_", StringComparison.Ordinal))
        {
            yield return new ValidationResult("Stripe:SecretKey must be a Stripe secret key (sk_... or rk_...).", [nameof(SecretKey)]);
        }

        if (!string.IsNullOrWhiteSpace(PublishableKey) && !PublishableKey.StartsWith("pk_", StringComparison.Ordinal))
        {
            yield return new ValidationResult("Stripe:PublishableKey must be a Stripe publishable key (pk_...).", [nameof(PublishableKey)]);
        }

        if (!string.IsNullOrWhiteSpace(WebhookSecret) && !WebhookSecret.StartsWith("whsec_", StringComparison.Ordinal))
        {
            yield return new ValidationResult("Stripe:WebhookSecret must be a webhook signing secret (whsec_...).", [nameof(WebhookSecret)]);
        }

        if (!string.IsNullOrWhiteSpace(SecretKey) && string.IsNullOrWhiteSpace(WebhookSecret))
        {
            yield return new ValidationResult("Stripe:WebhookSecret is required when Stripe:SecretKey is set (subscriptions are only known from the webhook).", [nameof(WebhookSecret)]);
        }
    }
}
