namespace Astropal.Web.Features.Metrics;

/// <summary>The page's breakdowns: today's sent emails by the readers' local send hour, opens by perspective (last 7 days), LLM spend by provider today.</summary>
public sealed record MetricBreakdowns(
    IReadOnlyList<(int Hour, int Sent)> DeliveriesBySendHour,
    IReadOnlyList<(string Perspective, int Delivered, int Opened)> OpensByPerspective,
    IReadOnlyList<(string Provider, decimal CostUsd)> SpendByProvider);
