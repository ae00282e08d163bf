namespace Astropal.Web.Features.Billing;

/// <summary>What a Checkout Session is created with. <paramref name="TrialEnd"/>: the rest of the reader's trial, if any.</summary>
public sealed record CheckoutRequest(Guid ReaderId, string CustomerId, string PriceId, string SuccessUrl, string CancelUrl, DateTimeOffset? TrialEnd);
