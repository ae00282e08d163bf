using Astropal.Core.Billing;
using Astropal.Core.Content;
using Astropal.Core.Content.Llm;
using Astropal.Core.Readers;
using Astropal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Content;

/// <summary>One stored segment with what it cost: the accepted answer's tokens, and every call made for it (failed ones too).</summary>
public sealed record SegmentRow(
    string Key,
    DateOnly LocalDate,
    string Locale,
    PerspectiveId Perspective,
    Tier Tier,
    string SubjectKey,
    string Provider,
    string Model,
    int InputTokens,
    int OutputTokens,
    int Calls,
    decimal CostUsd,
    DateTimeOffset CreatedAt);

/// <summary>A UTC day's LLM spend against the budget.</summary>
public sealed record LlmSpend(DateOnly Day, decimal SpentUsd, decimal BudgetUsd, int Calls, int Failed, LlmBudgetEvent? BudgetReached);

/// <summary>Read side of the content engine for the console (/ops/content): segments of a date and the day's spend.</summary>
public sealed class ContentReport(IDbContextFactory<AstropalDbContext> dbFactory, IOptions<LlmOptions> options)
{
    public async Task<IReadOnlyList<SegmentRow>> SegmentsAsync(DateOnly localDate, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var segments = await db.Segments.AsNoTracking().Where(s => s.LocalDate == localDate).ToListAsync(cancellationToken);
        var prefix = localDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "/";
        var calls = (await db.LlmCalls.AsNoTracking()
                .Where(c => c.SegmentKey.StartsWith(prefix))
                .Select(c => new { c.SegmentKey, c.CostUsd })
                .ToListAsync(cancellationToken))
            .GroupBy(c => c.SegmentKey, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (Count: g.Count(), Cost: g.Sum(c => c.CostUsd)), StringComparer.Ordinal);
        return segments
            .Select(s =>
            {
                var key = new SegmentKey(s.LocalDate, s.Locale, s.Perspective, s.Tier, s.SubjectKey).ToString();
                var (count, cost) = calls.GetValueOrDefault(key);
                return new SegmentRow(key, s.LocalDate, s.Locale, s.Perspective, s.Tier, s.SubjectKey, s.Provider, s.Model, s.InputTokens, s.OutputTokens, count, cost, s.CreatedAt);
            })
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<LlmSpend> SpendAsync(DateOnly utcDay, CancellationToken cancellationToken)
    {
        var start = new DateTimeOffset(utcDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = start.AddDays(1);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var calls = await db.LlmCalls.AsNoTracking()
            .Where(c => c.At >= start && c.At < end)
            .Select(c => new { c.CostUsd, c.Outcome })
            .ToListAsync(cancellationToken);
        var reached = await db.LlmBudgetEvents.AsNoTracking().SingleOrDefaultAsync(e => e.Day == utcDay, cancellationToken);
        return new LlmSpend(
            utcDay,
            calls.Sum(c => c.CostUsd),
            options.Value.DailyBudgetUsd,
            calls.Count,
            calls.Count(c => c.Outcome != LlmCallOutcome.Success),
            reached);
    }
}
