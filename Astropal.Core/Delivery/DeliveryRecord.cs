using Astropal.Core.Email;

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

/// <summary>An address never sent to again (hard bounce, unknown mailbox, complaint). Stored as a hash.</summary>
public sealed class SuppressedAddress
{
    public long Id { get; set; }

    /// <summary><see cref="AddressHash.Of"/> of the lower-case address.</summary>
    public required string AddressHash { get; set; }

    /// <summary>Why, e.g. <c>mailbox-does-not-exist: 550 5.1.1 ...</c>.</summary>
    public required string Reason { get; set; }

    public DateTimeOffset At { get; set; }
}

public static class AddressHash
{
    /// <summary>Hex SHA-256 of the trimmed, lower-case address: the suppression list keeps no addresses.</summary>
    public static string Of(string address)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        var bytes = System.Text.Encoding.UTF8.GetBytes(address.Trim().ToLowerInvariant());
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
    }
}

/// <summary>A provider webhook event already processed (by its delivery id, e.g. Svix's <c>svix-id</c>): each is applied once.</summary>
public sealed class ProcessedWebhookEvent
{
    /// <summary>The event's id from the provider.</summary>
    public required string Id { get; set; }

    /// <summary>e.g. <c>email.bounced</c>.</summary>
    public required string Type { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
}
