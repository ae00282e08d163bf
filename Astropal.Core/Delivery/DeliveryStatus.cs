namespace Astropal.Core.Delivery;

/// <summary>Where one ledger row is: pending → sending → sent | failed | skipped | suppressed.</summary>
public enum DeliveryStatus
{
    Pending,
    Sending,
    Sent,
    Failed,
    Skipped,
    Suppressed,
}
