using Astropal.Core.Content;
using Astropal.Data;
using Astropal.Web.Infrastructure.Database;
using Astropal.Web.Infrastructure.Metrics;
using Microsoft.EntityFrameworkCore;

namespace Astropal.Web.Features.Content;

/// <summary>LLM calls and budget events in the database.</summary>
internal sealed class EfLlmCallLog(IDbContextFactory<AstropalDbContext> dbFactory, ContentMetrics metrics) : ILlmCallLog
{
    public async Task RecordAsync(LlmCall llmCall, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(llmCall);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.LlmCalls.Add(llmCall);
        await db.SaveChangesAsync(cancellationToken);
        metrics.Record(llmCall);
    }

    public async Task<decimal> SpentSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Summed here: SQLite stores decimals as text and cannot add them exactly.
        var costs = await db.LlmCalls.AsNoTracking()
            .Where(c => c.At >= since)
            .Select(c => c.CostUsd)
            .ToListAsync(cancellationToken);
        return costs.Sum();
    }

    public async Task<bool> RecordBudgetReachedAsync(LlmBudgetEvent budgetEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(budgetEvent);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.LlmBudgetEvents.AnyAsync(e => e.Day == budgetEvent.Day, cancellationToken))
        {
            return false;
        }

        db.LlmBudgetEvents.Add(budgetEvent);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            metrics.BudgetExceeded();
            return true;
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            return false;
        }
    }
}
