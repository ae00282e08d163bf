using Astropal.Core.Billing;
using Astropal.Core.Readers;

namespace Astropal.Core.Content;

/// <summary>
/// Shared text for one segment: a local date, locale, perspective, tier and the sign or focus area it
/// speaks about. Written once (by an LLM or the offline composer) and reused by every reader who needs it.
/// </summary>
public sealed class Segment
{
    public long Id { get; set; }

    public DateOnly LocalDate { get; set; }

    /// <summary><c>en-US</c> or <c>es-ES</c>.</summary>
    public required string Locale { get; set; }

    public PerspectiveId Perspective { get; set; }

    public Tier Tier { get; set; }

    /// <summary>What the segment speaks about: a sign (<c>sign:gemini</c>) or a focus area (<c>focus:career</c>).</summary>
    public required string SubjectKey { get; set; }

    /// <summary><c>grok</c>, <c>openai</c> or <c>offline</c>.</summary>
    public required string Provider { get; set; }

    public required string Model { get; set; }

    /// <summary>The validated structured content (subject, preheader, snippet, sections) as JSON.</summary>
    public required string ContentJson { get; set; }

    /// <summary>Input tokens of the accepted answer, as the provider's usage reported them (0 offline).</summary>
    public int InputTokens { get; set; }

    /// <summary>Output tokens of the accepted answer, as the provider's usage reported them (0 offline).</summary>
    public int OutputTokens { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// The day's LLM spend reached <c>Llm:DailyBudgetUsd</c>: the LLM providers are skipped until the next UTC day.
/// One row per UTC day at most (unique), for the alerting and the console.
/// </summary>
public sealed class LlmBudgetEvent
{
    public long Id { get; set; }

    /// <summary>The UTC day whose budget was reached.</summary>
    public DateOnly Day { get; set; }

    /// <summary>When the budget was first found reached.</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>The day's spend (US dollars) at that moment.</summary>
    public decimal SpentUsd { get; set; }

    /// <summary>The budget in force (US dollars).</summary>
    public decimal BudgetUsd { get; set; }
}

/// <summary>How an LLM call ended.</summary>
public enum LlmCallOutcome
{
    Success,
    InvalidAnswer,
    HttpError,
    Timeout,
    CircuitOpen,
    BudgetExceeded,
}

/// <summary>One call to an LLM provider, for cost control and the console. Holds no reader data.</summary>
public sealed class LlmCall
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public required string Provider { get; set; }

    public required string Model { get; set; }

    /// <summary>The segment the call was for, e.g. <c>2026-12-01/en-US/calm/basic/sign:gemini</c>.</summary>
    public required string SegmentKey { get; set; }

    public int InputTokens { get; set; }

    public int OutputTokens { get; set; }

    /// <summary>Cost in US dollars from <c>Llm:Prices</c>.</summary>
    public decimal CostUsd { get; set; }

    public int LatencyMs { get; set; }

    public LlmCallOutcome Outcome { get; set; }

    /// <summary>Why the call failed or the answer was refused; null on success.</summary>
    public string? Detail { get; set; }
}

/// <summary>A top headline fetched once a day from NewsAPI, for the pro midday digest and the knowledge and evidence voices.</summary>
public sealed class NewsHeadline
{
    /// <summary>Longest link stored (the unique key of a day's links must fit SQL Server's index limit).</summary>
    public const int MaxUrlLength = 800;

    public long Id { get; set; }

    /// <summary>The UTC day it was fetched for. A link is stored once per day.</summary>
    public DateOnly FetchedOn { get; set; }

    /// <summary><c>science</c>, <c>technology</c>, <c>business</c> or <c>health</c>.</summary>
    public required string Category { get; set; }

    public required string Title { get; set; }

    public required string Source { get; set; }

    public required string Url { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public DateTimeOffset FetchedAt { get; set; }
}
