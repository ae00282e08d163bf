using System.Diagnostics;
using Astropal.Core.Content.Offline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Astropal.Core.Content.Llm;

/// <summary>A segment's text and where it came from; tokens are the accepted answer's, as the server reported them.</summary>
public sealed record SegmentDraft(GeneratedContent Content, string Provider, string Model, int InputTokens, int OutputTokens);

/// <summary>
/// Writes one segment through the provider chain (<c>Llm:Order</c>): each LLM provider with a key is asked for
/// structured output, every answer is validated (schema, lengths, banned claims, sky check for every zone of
/// the date); an invalid answer is asked again once with the reasons, then the next provider is used. The
/// offline composer ends the chain. Every call is recorded with its tokens, cost, latency and outcome; once the
/// day's spend reaches <c>Llm:DailyBudgetUsd</c> the LLM providers are skipped until the next UTC day.
/// Nothing about readers enters a prompt or a log: a segment is shared text.
/// </summary>
public sealed partial class SegmentGenerator(
    OpenAiCompatibleChat chat,
    OfflineDailyComposer offline,
    DailySkyCalculator skies,
    ILlmCallLog calls,
    IOptions<LlmOptions> options,
    TimeProvider time,
    ILogger<SegmentGenerator> logger)
{
    public async Task<SegmentDraft> GenerateAsync(SegmentKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var settings = options.Value;
        var locale = ContentLocale.Get(key.Locale);
        var sky = SegmentSky.Compute(skies, key.LocalDate, cancellationToken);
        foreach (var provider in settings.Configured())
        {
            if (await BudgetReachedAsync(settings, cancellationToken))
            {
                await RecordAsync(provider, settings.Provider(provider).Model, key, 0, 0, 0, LlmCallOutcome.BudgetExceeded, "daily budget reached", cancellationToken);
                break;
            }

            var draft = await TryProviderAsync(provider, key, locale, sky, settings, cancellationToken);
            if (draft is not null)
            {
                return draft;
            }
        }

        var content = offline.ComposeSegment(key, sky.Reference, cancellationToken);
        return new SegmentDraft(content, OfflineDailyComposer.ProviderName, OfflineDailyComposer.ModelName, 0, 0);
    }

    private async Task<SegmentDraft?> TryProviderAsync(LlmProviderId provider, SegmentKey key, ContentLocale locale, SegmentSky sky, LlmOptions settings, CancellationToken cancellationToken)
    {
        var model = settings.Provider(provider).Model;
        var system = SegmentPrompts.System(key.Perspective, key.Locale);
        IReadOnlyList<string>? problems = null;
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            if (attempt > 1 && await BudgetReachedAsync(settings, cancellationToken))
            {
                await RecordAsync(provider, model, key, 0, 0, 0, LlmCallOutcome.BudgetExceeded, "daily budget reached", cancellationToken);
                return null;
            }

            var started = time.GetTimestamp();
            LlmAnswer answer;
            try
            {
                answer = await chat.CompleteAsync(provider, system, SegmentPrompts.User(key, sky, problems), cancellationToken);
            }
            catch (LlmCallException e)
            {
                await RecordAsync(provider, model, key, 0, 0, Elapsed(started), e.Outcome, e.Message, cancellationToken);
                return null;
            }

            var latency = Elapsed(started);
            var content = SegmentAnswer.TryParse(answer.Text, out var parseProblem);
            problems = content is null ? [parseProblem!] : sky.Validate(content, locale);
            var outcome = problems.Count == 0 ? LlmCallOutcome.Success : LlmCallOutcome.InvalidAnswer;
            await RecordAsync(provider, model, key, answer.InputTokens, answer.OutputTokens, latency, outcome, problems.Count == 0 ? null : string.Join("; ", problems), cancellationToken);
            if (problems.Count == 0)
            {
                return new SegmentDraft(content!, ProviderName(provider), model, answer.InputTokens, answer.OutputTokens);
            }
        }

        return null;
    }

    public static string ProviderName(LlmProviderId provider) => provider.ToString().ToLowerInvariant();

    private async Task<bool> BudgetReachedAsync(LlmOptions settings, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var dayStart = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var spent = await calls.SpentSinceAsync(dayStart, cancellationToken);
        if (spent < settings.DailyBudgetUsd)
        {
            return false;
        }

        var budgetEvent = new LlmBudgetEvent { Day = DateOnly.FromDateTime(dayStart.UtcDateTime), At = now, SpentUsd = spent, BudgetUsd = settings.DailyBudgetUsd };
        if (await calls.RecordBudgetReachedAsync(budgetEvent, cancellationToken))
        {
            Log.BudgetReached(logger, budgetEvent.Day, spent, settings.DailyBudgetUsd);
        }

        return true;
    }

    private async Task RecordAsync(LlmProviderId provider, string model, SegmentKey key, int input, int output, int latencyMs, LlmCallOutcome outcome, string? detail, CancellationToken cancellationToken)
    {
        var cost = options.Value.PriceOf(model)?.Cost(input, output) ?? 0m;
        var call = new LlmCall
        {
            At = time.GetUtcNow(),
            Provider = ProviderName(provider),
            Model = model,
            SegmentKey = key.ToString(),
            InputTokens = input,
            OutputTokens = output,
            CostUsd = cost,
            LatencyMs = latencyMs,
            Outcome = outcome,
            Detail = detail is { Length: > 1000 } ? detail[..1000] : detail,
        };
        await calls.RecordAsync(call, cancellationToken);
        if (outcome == LlmCallOutcome.Success)
        {
            Log.Call(logger, call.Provider, model, call.SegmentKey, outcome, input, output, latencyMs);
        }
        else
        {
            Log.Failed(logger, call.Provider, model, call.SegmentKey, outcome, input, output, latencyMs, call.Detail ?? "");
        }
    }

    private int Elapsed(long started) => (int)Math.Min(int.MaxValue, time.GetElapsedTime(started).TotalMilliseconds);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "LLM {Provider}/{Model} {SegmentKey}: {Outcome}, {InputTokens}+{OutputTokens} tokens, {LatencyMs} ms")]
        public static partial void Call(ILogger logger, string provider, string model, string segmentKey, LlmCallOutcome outcome, int inputTokens, int outputTokens, int latencyMs);

        [LoggerMessage(Level = LogLevel.Warning, Message = "LLM {Provider}/{Model} {SegmentKey}: {Outcome}, {InputTokens}+{OutputTokens} tokens, {LatencyMs} ms: {Detail}")]
        public static partial void Failed(ILogger logger, string provider, string model, string segmentKey, LlmCallOutcome outcome, int inputTokens, int outputTokens, int latencyMs, string detail);

        [LoggerMessage(Level = LogLevel.Warning, Message = "LLM daily budget reached for {Day}: spent {SpentUsd} of {BudgetUsd} USD; the offline composer writes until the next UTC day")]
        public static partial void BudgetReached(ILogger logger, DateOnly day, decimal spentUsd, decimal budgetUsd);
    }
}
