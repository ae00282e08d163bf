using Astropal.Core.Email;

namespace Astropal.Core.Delivery;

/// <summary>
/// One row of the delivery ledger: one email of one kind to one reader for one local date.
/// (ReaderId, Kind, LocalDate) is unique in the database, which is what makes a send happen once.
/// </summary>
public sealed class DeliveryRecord
{
    public Guid Id { get; set; }

    public Guid ReaderId { get; set; }

    /// <summary>The scheduled kind: Daily, Evening, Weekly or Midday.</summary>
    public EmailTemplate Kind { get; set; }

    /// <summary>The reader's local date this email is for.</summary>
    public DateOnly LocalDate { get; set; }

    /// <summary>
    /// What the email is about beyond kind and date, for the one-off kinds that can happen more than once a day: e.g.
    /// <c>incident:42</c> for an incident notice, a Stripe invoice id for a payment-failed email. Empty for the scheduled
    /// kinds (daily, evening, weekly, midday), whose (reader, kind, local date) is already unique.
    /// </summary>
    public string Reference { get; set; } = "";

    public DeliveryStatus Status { get; set; } = DeliveryStatus.Pending;

    /// <summary>Send attempts so far (a claim counts as one).</summary>
    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>When the email is due, in UTC (the reader's local time converted DST-correctly).</summary>
    public DateTimeOffset TargetAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>Seconds between <see cref="TargetAt"/> and <see cref="SentAt"/>.</summary>
    public double? LatenessSeconds { get; set; }

    /// <summary>The Message-ID (without angle brackets), fixed at creation so every retry carries it.</summary>
    public required string MessageId { get; set; }

    /// <summary>While <see cref="DeliveryStatus.Sending"/>: the claim is this instance's until then; after it, any instance may retry.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }

    /// <summary>While pending after a transient failure: not before then.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
