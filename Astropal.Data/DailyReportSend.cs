namespace Astropal.Data;

/// <summary>
/// The ledger of the daily operations report: one row per report day (unique), inserted before the emails go out,
/// so that a second instance or a retried job never sends the same day's report twice.
/// </summary>
public sealed class DailyReportSend
{
    public long Id { get; set; }

    /// <summary>The UTC day the report is for.</summary>
    public DateOnly Day { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>How many operators it was sent to.</summary>
    public int Recipients { get; set; }
}
