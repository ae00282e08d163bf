namespace Astropal.Core.Billing;

/// <summary>Settings of the <c>Billing</c> section: plans and prices shown to readers.</summary>
public sealed class BillingOptions
{
    public const string SectionName = "Billing";

    public string Currency { get; set; } = "USD";

    public int TrialDays { get; set; } = 7;

    /// <summary>Days a past-due subscription keeps its tier before the reader moves to Free (1–60).</summary>
    public int GraceDays { get; set; } = 7;

    /// <summary>Days before the trial's end that the trial-ending email goes out (1–14).</summary>
    public int TrialEndingNoticeDays { get; set; } = 2;

    public PlanOptions Free { get; set; } = new() { Name = "Cosmic Pulse", MonthlyPrice = 0m };

    public PlanOptions Basic { get; set; } = new() { Name = "Cosmic Coach", MonthlyPrice = 7.99m };

    public PlanOptions Pro { get; set; } = new() { Name = "Cosmic Authority", MonthlyPrice = 14.99m };

    public PlanOptions Plan(Tier tier) => tier switch
    {
        Tier.Free => Free,
        Tier.Basic or Tier.Trial => Basic,
        Tier.Pro => Pro,
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "Unknown tier."),
    };

    /// <summary>The paid tier whose <see cref="PlanOptions.StripePriceId"/> is <paramref name="priceId"/>, or null.</summary>
    public Tier? TierOfPrice(string? priceId) =>
        string.IsNullOrEmpty(priceId) ? null
        : string.Equals(Basic.StripePriceId, priceId, StringComparison.Ordinal) ? Tier.Basic
        : string.Equals(Pro.StripePriceId, priceId, StringComparison.Ordinal) ? Tier.Pro
        : null;

    /// <summary>Whether any paid plan can be bought (has a Stripe price id).</summary>
    public bool HasPaidPrices => !string.IsNullOrEmpty(Basic.StripePriceId) || !string.IsNullOrEmpty(Pro.StripePriceId);
}

public sealed class PlanOptions
{
    public string Name { get; set; } = "";

    public decimal MonthlyPrice { get; set; }

    /// <summary>Stripe price id (price_...) for Checkout; empty for the free plan or when billing is off.</summary>
    public string? StripePriceId { get; set; }
}
