namespace Astropal.Core.Billing;

/// <summary>A reader's plan (SPEC §5). Trial has every Basic feature for <see cref="BillingOptions.TrialDays"/> days.</summary>
public enum Tier
{
    Trial,
    Free,
    Basic,
    Pro,
}
