namespace Astropal.Web.Features.Reports;

/// <summary>One LLM provider's calls, tokens and spend over the report's day.</summary>
public sealed record DailyReportSpend(string Provider, int Calls, long Tokens, decimal CostUsd);
