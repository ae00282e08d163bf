using Astropal.Core.Billing;

namespace Astropal.Tests.Core.Billing;

public sealed class BillingOptionsTests
{
    private static readonly BillingOptionsValidator Validator = new();

    [Fact]
    public void Defaults_are_valid_with_a_free_plan_and_two_paid_plans()
    {
        var options = new BillingOptions();

        Assert.True(Validator.Validate(null, options).Succeeded);
        Assert.Equal("USD", options.Currency);
        Assert.Equal(7, options.TrialDays);
        Assert.Equal(0m, options.Free.MonthlyPrice);
        Assert.True(options.Basic.MonthlyPrice < options.Pro.MonthlyPrice);
    }

    [Theory]
    [InlineData(Tier.Free, "Cosmic Pulse")]
    [InlineData(Tier.Trial, "Cosmic Coach")]
    [InlineData(Tier.Basic, "Cosmic Coach")]
    [InlineData(Tier.Pro, "Cosmic Authority")]
    public void A_trial_reader_has_the_basic_plan(Tier tier, string planName) =>
        Assert.Equal(planName, new BillingOptions().Plan(tier).Name);

    [Fact]
    public void An_unknown_tier_has_no_plan() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new BillingOptions().Plan((Tier)42));

    [Theory]
    [InlineData("usd")]
    [InlineData("US")]
    [InlineData("EURO")]
    [InlineData("")]
    public void The_currency_must_be_an_upper_case_iso_code(string currency)
    {
        var result = Validator.Validate(null, new BillingOptions { Currency = currency });

        Assert.True(result.Failed);
        Assert.Contains($"Billing:Currency must be an ISO 4217 code such as USD (got '{currency}')", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(60, true)]
    [InlineData(61, false)]
    public void Trial_days_are_between_0_and_60(int days, bool valid)
    {
        var result = Validator.Validate(null, new BillingOptions { TrialDays = days });

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains($"Billing:TrialDays must be between 0 and 60 (got {days})", result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_plan_problem_is_reported_with_the_plan_key()
    {
        var options = new BillingOptions
        {
            Free = null!,
            Basic = new PlanOptions { Name = " ", MonthlyPrice = -1m, StripePriceId = "prod_123" },
            Pro = new PlanOptions { Name = "Pro", MonthlyPrice = 1001m, StripePriceId = "price_123" },
        };

        var result = Validator.Validate(null, options);

        Assert.Equal(
            [
                "Billing:Free is required.",
                "Billing:Basic:Name is required.",
                "Billing:Basic:MonthlyPrice must be between 0 and 1000 (got -1).",
                "Billing:Basic:StripePriceId must be a Stripe price id (price_...).",
                "Billing:Pro:MonthlyPrice must be between 0 and 1000 (got 1001).",
            ],
            result.Failures);
    }

    [Fact]
    public void A_stripe_price_id_is_optional_but_must_be_a_price()
    {
        var options = new BillingOptions();
        options.Basic.StripePriceId = "price_1AbC";
        options.Pro.StripePriceId = "";

        Assert.True(Validator.Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(60, true)]
    [InlineData(61, false)]
    public void Grace_days_are_between_1_and_60(int days, bool valid)
    {
        var result = Validator.Validate(null, new BillingOptions { GraceDays = days });

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains($"Billing:GraceDays must be between 1 and 60 (got {days})", result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(2, true)]
    [InlineData(14, true)]
    [InlineData(15, false)]
    public void Trial_ending_notice_days_are_between_1_and_14(int days, bool valid)
    {
        var result = Validator.Validate(null, new BillingOptions { TrialEndingNoticeDays = days });

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains($"Billing:TrialEndingNoticeDays must be between 1 and 14 (got {days})", result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_defaults_are_seven_grace_days_and_a_two_day_notice()
    {
        var options = new BillingOptions();

        Assert.Equal((7, 2), (options.GraceDays, options.TrialEndingNoticeDays));
    }

    [Fact]
    public void A_price_id_maps_to_its_paid_tier_and_an_unknown_one_to_none()
    {
        var options = new BillingOptions();
        options.Basic.StripePriceId = "price_b";
        options.Pro.StripePriceId = "price_p";

        Assert.Equal((Tier?)Tier.Basic, options.TierOfPrice("price_b"));
        Assert.Equal((Tier?)Tier.Pro, options.TierOfPrice("price_p"));
        Assert.Null(options.TierOfPrice("price_other"));
        Assert.Null(options.TierOfPrice(null));
    }
}
