using Microsoft.Extensions.Options;

namespace Astropal.Core.Billing;

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

        if (options.GraceDays is < 1 or > 60)
        {
            failures.Add($"Billing:GraceDays must be between 1 and 60 (got {options.GraceDays}).");
        }

        if (options.TrialEndingNoticeDays is < 1 or > 14)
        {
            failures.Add($"Billing:TrialEndingNoticeDays must be between 1 and 14 (got {options.TrialEndingNoticeDays}).");
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
