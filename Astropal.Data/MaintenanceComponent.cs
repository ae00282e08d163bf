namespace Astropal.Data;

/// <summary>A component a maintenance window covers.</summary>
public sealed class MaintenanceComponent
{
    public long MaintenanceId { get; set; }

    /// <summary>The component's stable key (e.g. <c>email-delivery</c>).</summary>
    public required string Component { get; set; }
}
