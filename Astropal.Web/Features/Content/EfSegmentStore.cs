using Astropal.Core.Content;
using Astropal.Data;
using Astropal.Web.Infrastructure.Database;
using Astropal.Web.Infrastructure.Metrics;
using Microsoft.EntityFrameworkCore;

namespace Astropal.Web.Features.Content;

/// <summary>Segments in the database; the unique key (date, locale, perspective, tier, subject) decides races between instances.</summary>
internal sealed class EfSegmentStore(IDbContextFactory<AstropalDbContext> dbFactory, ContentMetrics metrics) : ISegmentStore
{
    public async Task<Segment?> FindAsync(SegmentKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Matching(db, key).AsNoTracking().SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<Segment> AddAsync(Segment segment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(segment);
        var key = new SegmentKey(segment.LocalDate, segment.Locale, segment.Perspective, segment.Tier, segment.SubjectKey);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Segments.Add(segment);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            metrics.SegmentStored(segment);
            return segment;
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // Another instance stored the same segment first: theirs is the one every reader gets.
            await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await Matching(fresh, key).AsNoTracking().SingleAsync(cancellationToken);
        }
    }

    public async Task<IReadOnlySet<string>> ExistingAsync(IReadOnlyCollection<SegmentKey> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return new HashSet<string>();
        }

        var from = keys.Min(k => k.LocalDate);
        var to = keys.Max(k => k.LocalDate);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.Segments.AsNoTracking()
            .Where(s => s.LocalDate >= from && s.LocalDate <= to)
            .Select(s => new { s.LocalDate, s.Locale, s.Perspective, s.Tier, s.SubjectKey })
            .ToListAsync(cancellationToken);
        return stored.Select(s => new SegmentKey(s.LocalDate, s.Locale, s.Perspective, s.Tier, s.SubjectKey).ToString()).ToHashSet(StringComparer.Ordinal);
    }

    private static IQueryable<Segment> Matching(AstropalDbContext db, SegmentKey key) =>
        db.Segments.Where(s => s.LocalDate == key.LocalDate && s.Locale == key.Locale && s.Perspective == key.Perspective && s.Tier == key.Tier && s.SubjectKey == key.SubjectKey);
}
