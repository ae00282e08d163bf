namespace Astropal.Core.Delivery;

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
