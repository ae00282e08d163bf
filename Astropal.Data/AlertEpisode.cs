namespace Astropal.Data;

/// <summary>
/// One episode of an alert rule: from the first evaluation its condition held to its resolution. At most one open
/// (not resolved) episode per rule (a filtered unique index), so two evaluators can never open two. The firing and
/// resolved messages are written as <see cref="AlertNotification"/> rows in the same transaction as the state change,
/// so each goes out once per channel. <see cref="Version"/> is a concurrency token: a second writer's stale update fails.
/// </summary>
public sealed class AlertEpisode
{
    public long Id { get; set; }

    /// <summary>The rule's name, e.g. <c>email.delivery.rate</c> or <c>content-generation-failed</c>.</summary>
    public required string Rule { get; set; }

    public required string Metric { get; set; }

    /// <summary>critical, high, medium or low (the rule's severity when the episode opened).</summary>
    public required string Severity { get; set; }

    public AlertEpisodeState State { get; set; }

    /// <summary>The first evaluation at which the condition held.</summary>
    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FiredAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>The metric's value at the last evaluation (null: no data).</summary>
    public double? Value { get; set; }

    /// <summary>The threshold the rule compared against when the episode opened.</summary>
    public double Threshold { get; set; }

    /// <summary>The runbook link of the rule.</summary>
    public string? Runbook { get; set; }

    public DateTimeOffset LastEvaluatedAt { get; set; }

    /// <summary>When the firing message or the last reminder was queued (reminders follow the rule's <c>RepeatEvery</c>).</summary>
    public DateTimeOffset? LastNotifiedAt { get; set; }

    /// <summary>Consecutive evaluations at which the condition was false (resolves at <c>Alerts:ResolveAfter</c>).</summary>
    public int ClearEvaluations { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    public string? AcknowledgedBy { get; set; }

    /// <summary>Silenced by an operator until this time: no reminders are sent before it; null: not silenced.</summary>
    public DateTimeOffset? SilencedUntil { get; set; }

    public string? SilencedBy { get; set; }

    public int Version { get; set; }

    public List<AlertEpisodeEvent> Events { get; } = [];
}
