namespace Astropal.Web.Features.Metrics;

/// <summary>A launch metric: its name, a title for the console, its unit and what it measures.</summary>
public sealed record MetricDefinition(string Name, string Title, string Unit, string Description)
{
    /// <summary>Every launch metric, in the order the console shows them.</summary>
    public static IReadOnlyList<MetricDefinition> All { get; } =
    [
        new(MetricNames.UserRegistrations, "Beta readers active", "readers", "Beta readers (cohort beta) whose status is active."),
        new(MetricNames.UserActiveDaily, "Readers active today", "readers", "Readers with an email sent to them or activity of their own today (UTC)."),
        new(MetricNames.EmailDeliveryRate, "Delivery rate", "ratio", "Sent / (sent + failed + skipped too late) of the emails due in the last 24 hours."),
        new(MetricNames.EmailOpenRate, "Open rate", "ratio", "Emails with a human first open / emails sent 24 to 48 hours ago."),
        new(MetricNames.ApiErrorRate, "Error rate", "ratio", "5xx answers / requests over the last 15 minutes, all instances."),
        new(MetricNames.ApiResponseP95, "Response time p95", "ms", "95th percentile of request durations over the last 15 minutes, all instances."),
        new(MetricNames.CostDailyTotal, "Cost today", "usd", "LLM spend of the UTC day plus Metrics:FixedDailyCostUsd."),
        new(MetricNames.LlmTokensDaily, "LLM tokens today", "tokens", "Input and output tokens of every LLM call of the UTC day."),
        new(MetricNames.ContentGenerationFailures, "Content generation failures", "segments", "Segments today for which every LLM provider with a key failed."),
    ];

    public static MetricDefinition? Find(string? name) =>
        All.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));
}
