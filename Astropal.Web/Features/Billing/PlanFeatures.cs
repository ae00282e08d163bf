using Astropal.Core.Billing;
using Astropal.Core.Delivery;
using Astropal.Core.Email;

namespace Astropal.Web.Features.Billing;

/// <summary>What each tier includes (SPEC §5), from the delivery schedule so that the plans page never disagrees with it.</summary>
public static class PlanFeatures
{
    /// <summary>Emails on an ordinary day (the weekly overview comes on Sundays on top).</summary>
    public static int EmailsPerDay(Tier tier) => DeliverySchedule.KindsFor(tier).Count(k => k != EmailTemplate.Weekly);

    public static bool PersonalTransits(Tier tier) => tier is Tier.Basic or Tier.Pro or Tier.Trial;

    public static bool EveningReflection(Tier tier) => DeliverySchedule.KindsFor(tier).Contains(EmailTemplate.Evening);

    public static bool MiddayDigest(Tier tier) => DeliverySchedule.KindsFor(tier).Contains(EmailTemplate.Midday);
}
