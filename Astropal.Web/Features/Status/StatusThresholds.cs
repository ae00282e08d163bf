namespace Astropal.Web.Features.Status;

/// <summary>
/// <c>Status:Thresholds</c>: the health-signal thresholds that derive each component's state every minute (docs/status.md).
/// </summary>
public sealed class StatusThresholds
{
    /// <summary>Email delivery: sent ÷ (sent + failed + skipped too late) of the emails due in the last hour; lower is worse.</summary>
    public StatusBand EmailDeliveryRate { get; set; } = new() { Degraded = 0.98, Partial = 0.90, Major = 0.50 };

    /// <summary>Email delivery: the share of the emails due in the last hour that are late (sent, or still unsent, more than 15 minutes after their time).</summary>
    public StatusBand EmailLateShare { get; set; } = new() { Degraded = 0.05, Partial = 0.25, Major = 0.75 };

    /// <summary>Content generation: segments that failed on every configured LLM provider today (UTC).</summary>
    public StatusBand ContentFailures { get; set; } = new() { Degraded = 1, Partial = 5, Major = 20 };

    /// <summary>Scheduler: minutes since the delivery dispatcher's last successful run.</summary>
    public StatusBand DispatcherStaleMinutes { get; set; } = new() { Degraded = 3, Partial = 10, Major = 30 };

    /// <summary>Database: seconds the readiness check took (a failed check is a major outage).</summary>
    public StatusBand DatabaseCheckSeconds { get; set; } = new() { Degraded = 2, Partial = 10, Major = 30 };

    /// <summary>Sign-up: failed ÷ attempted sign-ups in the last 15 minutes.</summary>
    public StatusBand SignupErrorRate { get; set; } = new() { Degraded = 0.05, Partial = 0.25, Major = 0.50 };

    /// <summary>Website: 5xx ÷ requests in the last 15 minutes (the launch metric api.error.rate).</summary>
    public StatusBand WebsiteErrorRate { get; set; } = new() { Degraded = 0.02, Partial = 0.10, Major = 0.50 };

    /// <summary>Every band with its setting name and whether lower values are worse.</summary>
    public IEnumerable<(string Name, StatusBand Band, bool LowerIsWorse)> All()
    {
        yield return (nameof(EmailDeliveryRate), EmailDeliveryRate, true);
        yield return (nameof(EmailLateShare), EmailLateShare, false);
        yield return (nameof(ContentFailures), ContentFailures, false);
        yield return (nameof(DispatcherStaleMinutes), DispatcherStaleMinutes, false);
        yield return (nameof(DatabaseCheckSeconds), DatabaseCheckSeconds, false);
        yield return (nameof(SignupErrorRate), SignupErrorRate, false);
        yield return (nameof(WebsiteErrorRate), WebsiteErrorRate, false);
    }
}
