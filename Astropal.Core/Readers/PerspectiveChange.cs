namespace Astropal.Core.Readers;

/// <summary>One change of perspective, for the reader's history and the console.</summary>
public sealed class PerspectiveChange
{
    public long Id { get; set; }

    public Guid ReaderId { get; set; }

    public PerspectiveId From { get; set; }

    public PerspectiveId To { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>Where the change came from: <c>portal</c>, <c>email-link</c>, <c>operator</c>.</summary>
    public required string Source { get; set; }
}
