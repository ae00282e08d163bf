namespace Astropal.Data;

/// <summary>
/// Every change of a component's shown state, kept so that uptime per component per day (worst state, minutes not
/// operational) can be computed for the 90-day bars.
/// </summary>
public sealed class ComponentStateChange
{
    public long Id { get; set; }

    /// <summary>The component's stable key (e.g. <c>email-delivery</c>).</summary>
    public required string Component { get; set; }

    /// <summary>The state shown from <see cref="At"/> until the next change of the same component.</summary>
    public ComponentState State { get; set; }

    /// <summary><c>derived</c>, <c>incident</c> or <c>maintenance</c>.</summary>
    public required string Source { get; set; }

    /// <summary>Operator-facing reason (signal values, incident or maintenance id); never shown publicly.</summary>
    public string? Reason { get; set; }

    public DateTimeOffset At { get; set; }
}
