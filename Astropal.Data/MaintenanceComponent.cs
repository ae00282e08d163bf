namespace Astropal.Data;

/// <summary>A component a maintenance window covers.</summary>
public sealed class MaintenanceComponent
{
    public long MaintenanceId { get; set; }

    public required string Component { get; set; }
}
