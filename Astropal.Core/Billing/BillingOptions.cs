using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Astropal.Core.Billing;

/// <summary>Settings of the <c>Billing</c> section: plans and prices shown to readers.</summary>
public sealed class BillingOptions
{
    public const string SectionName = "Billing";

    [Required, RegularExpression("^[A-Z]{3}$", ErrorMessage = "Billing:Currency must be an ISO 4217 code such as USD.")]
    public string Currency { get; set; } = "USD";

    [Range(0, 60, ErrorMessage = "Billing:TrialDays must be between 0 and 60.")]
    public int TrialDays { get; set; } = 7;

    [Required, ValidateObjectMembers]
    public PlanOptions Free { get; set; } = new() { Name = "Cosmic Pulse", MonthlyPrice = 0m };

    [Required, ValidateObjectMembers]
    public PlanOptions Basic { get; set; } = new() { Name = "Cosmic Coach", MonthlyPrice = 7.99m };

    [Required, ValidateObjectMembers]
    public PlanOptions Pro { get; set; } = new() { Name = "Cosmic Authority", MonthlyPrice = 14.99m };

    public PlanOptions Plan(Tier tier) => tier switch
    {
        Tier.Free => Free,
        Tier.Basic or Tier.Trial => Basic,
        Tier.Pro => Pro,
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "Unknown tier."),
    };
}

public sealed class PlanOptions
{
    [Required(AllowEmptyStrings = false, ErrorMessage = "Every plan needs a Name.")]
    public string Name { get; set; } = "";

    [Range(typeof(decimal), "0", "1000", ErrorMessage = "MonthlyPrice must be between 0 and 1000.")]
    public decimal MonthlyPrice { get; set; }

    /// <summary>Stripe price id (price_...) for Checkout; empty for the free plan or when billing is off.</summary>
    public string? StripePriceId { get; set; }
}

[OptionsValidator]
public sealed partial class BillingOptionsValidator : IValidateOptions<BillingOptions>;
