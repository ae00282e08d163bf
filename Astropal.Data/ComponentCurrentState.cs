namespace Astropal.Data;

/// <summary>
/// One status-page component now (one row per configured component name): the state its health signals give
/// (<see cref="DerivedState"/>, re-derived every minute) and the state shown (<see cref="State"/>: the derived one unless an
/// open incident or a maintenance window overrides it). <see cref="Version"/> is a concurrency token so that two instances
/// deriving at once cannot both record the same change.
/// </summary>
public sealed class ComponentCurrentState
{
    /// <summary>The component's stable key (<c>StatusComponentKeys</c>, e.g. <c>email-delivery</c>); its shown name is configured.</summary>
    public required string Component { get; set; }

    public ComponentState DerivedState { get; set; }

    /// <summary>Why the signals gave <see cref="DerivedState"/>, for operators (never shown publicly).</summary>
    public string? DerivedReason { get; set; }

    /// <summary>The state shown on the status page.</summary>
    public ComponentState State { get; set; }

    /// <summary>When <see cref="State"/> last changed.</summary>
    public DateTimeOffset Since { get; set; }

    /// <summary>When the signals were last read.</summary>
    public DateTimeOffset CheckedAt { get; set; }

    public int Version { get; set; }
}
