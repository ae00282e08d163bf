using System.Collections.Concurrent;
using Astropal.Core.Content.Llm;
using Astropal.Core.Content.Offline;

namespace Astropal.Core.Content;

/// <summary>A stored segment's text and where it came from.</summary>
public sealed record SegmentText(SegmentKey Key, GeneratedContent Content, string Provider, string Model, int InputTokens, int OutputTokens)
{
    public bool IsOffline => Provider == OfflineDailyComposer.ProviderName;

    public static SegmentText From(SegmentKey key, Segment segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        return new(key, SegmentAnswer.FromJson(segment.ContentJson), segment.Provider, segment.Model, segment.InputTokens, segment.OutputTokens);
    }
}

/// <summary>
/// The shared layer: a segment is read from the store, or generated once through the provider chain and stored.
/// Concurrent requests for one key in this process wait for one generation; across instances the store's unique
/// key decides (one wins, the other reads the winner). Stored segments never change, so they are kept in memory.
/// </summary>
public sealed class SegmentService(ISegmentStore store, SegmentGenerator generator, TimeProvider time)
{
    private const int CacheLimit = 20_000;
    private readonly ConcurrentDictionary<SegmentKey, SegmentText> cache = new();
    private readonly ConcurrentDictionary<SegmentKey, Lazy<Task<SegmentText>>> inFlight = new();

    /// <summary>The segment of a key, generating and storing it when it is missing.</summary>
    public async Task<SegmentText> GetAsync(SegmentKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var flight = inFlight.GetOrAdd(key, k => new Lazy<Task<SegmentText>>(() => LoadOrGenerateAsync(k, cancellationToken)));
        try
        {
            var text = await flight.Value.WaitAsync(cancellationToken);
            if (cache.Count >= CacheLimit)
            {
                cache.Clear();
            }

            cache[key] = text;
            return text;
        }
        finally
        {
            inFlight.TryRemove(new KeyValuePair<SegmentKey, Lazy<Task<SegmentText>>>(key, flight));
        }
    }

    /// <summary>Generates and stores the segments of the keys that have none yet, a few at once; returns how many were missing.</summary>
    public async Task<int> PrepareAsync(IReadOnlyCollection<SegmentKey> keys, int parallelism, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var existing = await store.ExistingAsync(keys, cancellationToken);
        var missing = keys.Where(k => !existing.Contains(k.ToString())).ToList();
        await Parallel.ForEachAsync(
            missing,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken },
            async (key, ct) => await GetAsync(key, ct));
        return missing.Count;
    }

    private async Task<SegmentText> LoadOrGenerateAsync(SegmentKey key, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(key, cancellationToken) is { } found)
        {
            return SegmentText.From(key, found);
        }

        var draft = await generator.GenerateAsync(key, cancellationToken);
        var stored = await store.AddAsync(
            new Segment
            {
                LocalDate = key.LocalDate,
                Locale = key.Locale,
                Perspective = key.Perspective,
                Tier = key.Tier,
                SubjectKey = key.SubjectKey,
                Provider = draft.Provider,
                Model = draft.Model,
                ContentJson = SegmentAnswer.ToJson(draft.Content),
                InputTokens = draft.InputTokens,
                OutputTokens = draft.OutputTokens,
                CreatedAt = time.GetUtcNow(),
            },
            cancellationToken);
        return SegmentText.From(key, stored);
    }
}
