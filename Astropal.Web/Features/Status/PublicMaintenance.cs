namespace Astropal.Web.Features.Status;

/// <summary>A scheduled maintenance window's public face (not cancelled, not ended).</summary>
public sealed record PublicMaintenance(
    long Id,
    string Title,
    string Message,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<string> Components)
{
    /// <summary>The Statuspage maintenance status at <paramref name="now"/>: scheduled, in_progress or completed.</summary>
    public string StatusAt(DateTimeOffset now) => now < StartsAt ? "scheduled" : now < EndsAt ? "in_progress" : "completed";

    public bool IsActiveAt(DateTimeOffset now) => StartsAt <= now && now < EndsAt;
}
