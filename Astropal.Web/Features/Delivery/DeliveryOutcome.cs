using Astropal.Core.Delivery;

namespace Astropal.Web.Features.Delivery;

/// <summary>What became of one claimed row; recorded only if the row is still ours (sending under this lease).</summary>
internal readonly record struct DeliveryOutcome(
    Guid Id, DateTimeOffset LeaseUntil, DeliveryStatus Status, string? Error, DateTimeOffset At, double? LatenessSeconds, DateTimeOffset? NextAttemptAt)
{
    /// <summary>Not attempted (or the transport never took it up): back to pending, the claim not counted as an attempt.</summary>
    public bool Released { get; init; }
}
