namespace Astropal.Core.Content;

/// <summary>Where segments are kept (the database in the app). Segments never change once stored.</summary>
public interface ISegmentStore
{
    Task<Segment?> FindAsync(SegmentKey key, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a new segment, or returns the one already stored under its key: when two instances generate the
    /// same segment at once, one wins and both use the winner (the key is unique).
    /// </summary>
    Task<Segment> AddAsync(Segment segment, CancellationToken cancellationToken);

    /// <summary>Which of the keys already have a stored segment (their <see cref="SegmentKey.ToString"/>).</summary>
    Task<IReadOnlySet<string>> ExistingAsync(IReadOnlyCollection<SegmentKey> keys, CancellationToken cancellationToken);
}

/// <summary>The record of LLM calls and of the daily budget (the database in the app).</summary>
public interface ILlmCallLog
{
    Task RecordAsync(LlmCall llmCall, CancellationToken cancellationToken);

    /// <summary>The sum of <see cref="LlmCall.CostUsd"/> of the calls made at or after an instant.</summary>
    Task<decimal> SpentSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Records that a UTC day's budget was reached; false when that day was recorded already.</summary>
    Task<bool> RecordBudgetReachedAsync(LlmBudgetEvent budgetEvent, CancellationToken cancellationToken);
}
