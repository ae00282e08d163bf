using System.Diagnostics.Metrics;
using Astropal.Core.Content;

namespace Astropal.Web.Infrastructure.Metrics;

/// <summary>The <c>Astropal.Content</c> meter: LLM calls, tokens, cost and budget, and stored segments (docs/observability.md).</summary>
public sealed class ContentMetrics
{
    public const string MeterName = "Astropal.Content";

    private readonly Counter<long> calls;
    private readonly Counter<long> tokens;
    private readonly Counter<double> cost;
    private readonly Histogram<double> duration;
    private readonly Counter<long> budgetExceeded;
    private readonly Counter<long> segments;

    public ContentMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        calls = meter.CreateCounter<long>("astropal.llm.calls", "{call}", "LLM calls by provider and outcome.");
        tokens = meter.CreateCounter<long>("astropal.llm.tokens", "{token}", "Tokens the providers reported, by direction (input, output).");
        cost = meter.CreateCounter<double>("astropal.llm.cost", "USD", "Cost of the LLM calls (Llm:Prices).");
        duration = meter.CreateHistogram<double>(
            "astropal.llm.duration",
            "s",
            "How long each LLM call took.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120] });
        budgetExceeded = meter.CreateCounter<long>("astropal.llm.budget_exceeded", "{event}", "Days on which the LLM daily budget was reached (once per UTC day).");
        segments = meter.CreateCounter<long>("astropal.content.segments", "{segment}", "Segments stored, by tier and perspective.");
    }

    /// <summary>Records one LLM call as it is logged.</summary>
    public void Record(LlmCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var provider = new KeyValuePair<string, object?>("provider", call.Provider);
        var outcome = new KeyValuePair<string, object?>("outcome", MetricTags.Lower(call.Outcome.ToString()));
        calls.Add(1, provider, outcome);
        if (call.InputTokens > 0)
        {
            tokens.Add(call.InputTokens, provider, new KeyValuePair<string, object?>("direction", "input"));
        }

        if (call.OutputTokens > 0)
        {
            tokens.Add(call.OutputTokens, provider, new KeyValuePair<string, object?>("direction", "output"));
        }

        if (call.CostUsd > 0)
        {
            cost.Add((double)call.CostUsd, provider);
        }

        if (call.Outcome != LlmCallOutcome.BudgetExceeded && call.Outcome != LlmCallOutcome.CircuitOpen)
        {
            duration.Record(call.LatencyMs / 1000.0, provider, outcome);
        }
    }

    /// <summary>The daily budget was reached (counted once per UTC day, when its budget event is first stored).</summary>
    public void BudgetExceeded() => budgetExceeded.Add(1);

    public void SegmentStored(Segment segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        segments.Add(
            1,
            new KeyValuePair<string, object?>("tier", MetricTags.Lower(segment.Tier.ToString())),
            new KeyValuePair<string, object?>("perspective", MetricTags.Lower(segment.Perspective.ToString())));
    }
}
