using System.Text.Json;
using Astropal.Core.Delivery;
using Astropal.Core.Readers;
using Astropal.Data;
using Microsoft.EntityFrameworkCore;

namespace Astropal.Web.Features.OperatorApi;

/// <summary>The readers behind <c>GET /api/ops/readers</c>: by exact address, by part of an address or name, or all; paged.</summary>
public sealed class OperatorApiReaders(IDbContextFactory<AstropalDbContext> dbFactory)
{
    public async Task<PagedResult<ReaderResource>> FindAsync(string? email, string? search, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        IQueryable<Reader> query = db.Readers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(email))
        {
            var exact = email.Trim().ToLowerInvariant();
            query = query.Where(r => r.Email == exact);
        }
        else if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = "%" + Escape(search.Trim()) + "%";
            query = query.Where(r => EF.Functions.Like(r.Email!, pattern, "\\") || EF.Functions.Like(r.Name!, pattern, "\\"));
        }

        var total = await query.CountAsync(cancellationToken);
        var readers = await query.OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new PagedResult<ReaderResource>(await WithEngagementAsync(db, readers, cancellationToken), page, pageSize, total);
    }

    public async Task<ReaderResource?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reader = await db.Readers.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        return reader is null ? null : (await WithEngagementAsync(db, [reader], cancellationToken))[0];
    }

    private static async Task<IReadOnlyList<ReaderResource>> WithEngagementAsync(AstropalDbContext db, List<Reader> readers, CancellationToken cancellationToken)
    {
        var ids = readers.Select(r => r.Id).ToList();
        var sent = await db.Deliveries.Where(d => ids.Contains(d.ReaderId) && d.Status == DeliveryStatus.Sent)
            .GroupBy(d => d.ReaderId).Select(g => new { ReaderId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.ReaderId, x => x.Count, cancellationToken);
        // Opens are human first opens (one per email); clicks are human clicks.
        var events = await db.EngagementEvents
            .Where(e => ids.Contains(e.ReaderId) && !e.IsMachine && (e.Kind == EngagementKind.Click || e.IsFirst))
            .GroupBy(e => new { e.ReaderId, e.Kind }).Select(g => new { g.Key.ReaderId, g.Key.Kind, Count = g.Count() })
            .ToListAsync(cancellationToken);

        int Count(Guid reader, EngagementKind kind) => events.FirstOrDefault(e => e.ReaderId == reader && e.Kind == kind)?.Count ?? 0;

        return readers.Select(r => new ReaderResource(
            r.Id,
            r.Email,
            r.Name,
            Camel(r.Status.ToString()),
            Camel(r.Tier.ToString()),
            r.Cohort,
            Perspective.Get(r.Perspective).Slug,
            r.FocusAreas.Select(f => FocusArea.Get(f).Slug).ToList(),
            r.Locale,
            r.CreatedAt,
            r.ConfirmedAt,
            new ReaderEngagement(sent.GetValueOrDefault(r.Id), Count(r.Id, EngagementKind.Open), Count(r.Id, EngagementKind.Click)))).ToList();
    }

    private static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
