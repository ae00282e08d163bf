namespace Astropal.Data;

/// <summary>
/// A scheduled maintenance window: its components show "under maintenance" between <see cref="StartsAt"/> and
/// <see cref="EndsAt"/>, and alerts on them are suppressed meanwhile. A cancelled window keeps its row.
/// </summary>
public sealed class Maintenance
{
    public long Id { get; set; }

    public required string Title { get; set; }

    /// <summary>The public message.</summary>
    public required string Message { get; set; }

    public DateTimeOffset StartsAt { get; set; }

    public DateTimeOffset EndsAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset? CancelledAt { get; set; }

    public List<MaintenanceComponent> Components { get; } = [];
}
