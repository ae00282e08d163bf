namespace Astropal.Web.Features.Billing;

/// <summary>A Stripe call without <c>Stripe:SecretKey</c>.</summary>
public sealed class BillingNotConfiguredException : InvalidOperationException
{
    public BillingNotConfiguredException()
        : base("Billing is not configured: Stripe:SecretKey is not set.")
    {
    }

    public BillingNotConfiguredException(string message)
        : base(message)
    {
    }

    public BillingNotConfiguredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
