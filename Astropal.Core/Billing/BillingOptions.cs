using Microsoft.Extensions.Options;

namespace Astropal.Core.Billing;

/// <summary>Settings of the <c>Billing</c> section: plans and prices shown to readers.</summary>
public sealed class BillingOptions
{
    public const string SectionName = "Billing";

    public string Currency { get; set; } = "USD";

    public int TrialDays { get; set; } = 7;

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
}

public sealed class PlanOptions
{
    public string Name { get; set; } = "";

    public decimal MonthlyPrice { get; set; }

    /// <summary>Stripe price id (price_...) for Checkout; empty for the free plan or when billing is off.</summary>
    public string? StripePriceId { get; set; }
}

/// <summary>Validates the section and each plan, naming the full setting key in every message.</summary>
public sealed class BillingOptionsValidator : IValidateOptions<BillingOptions>
{
    public ValidateOptionsResult Validate(string? name, BillingOptions options)
    {
        var failures = new List<string>();
        if (options.Currency is null || options.Currency.Length != 3 || !options.Currency.All(char.IsAsciiLetterUpper))
        {
            failures.Add($"Billing:Currency must be an ISO 4217 code such as USD (got '{options.Currency}').");
        }

        if (options.TrialDays is < 0 or > 60)
        {
            failures.Add($"Billing:TrialDays must be between 0 and 60 (got {options.TrialDays}).");
        }

        foreach (var (key, plan) in new[] { ("Free", options.Free), ("Basic", options.Basic), ("Pro", options.Pro) })
        {
            if (plan is null)
            {
                failures.Add($"Billing:{key} is required.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(plan.Name))
            {
                failures.Add($"Billing:{key}:Name is required.");
            }

            if (plan.MonthlyPrice is < 0 or > 1000)
            {
                failures.Add($"Billing:{key}:MonthlyPrice must be between 0 and 1000 (got {plan.MonthlyPrice}).");
            }

            if (!string.IsNullOrEmpty(plan.StripePriceId) && !plan.StripePriceId.StartsWith("price_", StringComparison.Ordinal))
            {
                failures.Add($"Billing:{key}:StripePriceId must be a Stripe price id (price_...).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
