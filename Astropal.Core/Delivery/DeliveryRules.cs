namespace Astropal.Core.Delivery;

/// <summary>Ledger rules that are pure arithmetic.</summary>
public static class DeliveryRules
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(1);

    /// <summary>Delay before the next try after <paramref name="attempts"/> attempts: base × 2^(attempts−1), at most 1 h.</summary>
    public static TimeSpan Backoff(int attempts, TimeSpan baseDelay)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 20);
        var delay = baseDelay * Math.Pow(2, exponent);
        return delay > MaxBackoff ? MaxBackoff : delay;
    }

    /// <summary>Whether an email due at <paramref name="targetAt"/> is too late to send at <paramref name="now"/>.</summary>
    public static bool IsTooLate(DateTimeOffset targetAt, DateTimeOffset now, TimeSpan maxLateness) => now - targetAt > maxLateness;

    /// <summary>The key of a delivery's Message-ID: stable per ledger row.</summary>
    public static string MessageIdKey(Guid deliveryId) => "delivery." + deliveryId.ToString("N");
}
