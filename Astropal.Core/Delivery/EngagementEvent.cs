namespace Astropal.Core.Delivery;

/// <summary>What a reader did with a delivered email.</summary>
public enum EngagementKind
{
    /// <summary>The tracking pixel was loaded.</summary>
    Open,

    /// <summary>A tracked link was followed.</summary>
    Click,
}

/// <summary>
/// One open or click of one delivered email. Kept per delivery (not only as the reader's last
/// activity) so that open and click rates can be computed per day, perspective, cohort and send hour.
/// </summary>
public sealed class EngagementEvent
{
    public long Id { get; set; }

    public Guid DeliveryId { get; set; }

    /// <summary>Denormalised from the delivery so that per-reader queries need no join.</summary>
    public Guid ReaderId { get; set; }

    public EngagementKind Kind { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The destination of a click; null for opens.</summary>
    public string? Link { get; set; }

    /// <summary>The first event of its kind for this delivery (first open, first click).</summary>
    public bool IsFirst { get; set; }

    /// <summary>
    /// An automated open: within 2 seconds of sending, or by a known mail-privacy proxy.
    /// Kept for the record, left out of human open rates.
    /// </summary>
    public bool IsMachine { get; set; }
}
