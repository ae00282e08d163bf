namespace Astropal.Web.Features.Billing;

/// <summary>The billing addresses: the public plans page and the reader's form posts under the portal (<c>/me</c>).</summary>
public static class BillingPaths
{
    public const string Plans = "/plans";
    public const string Checkout = "/me/billing/checkout";
    public const string Portal = "/me/billing/portal";

    /// <summary>Where Checkout returns to after paying (the portal shows a notice).</summary>
    public const string CheckoutDone = "/me?done=checkout";

    /// <summary>Where Checkout returns to when the reader goes back.</summary>
    public const string CheckoutCancelled = "/me?done=checkout-cancelled";
}
