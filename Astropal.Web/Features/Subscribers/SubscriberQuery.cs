using Astropal.Core.Readers;
using Astropal.Data;
using Microsoft.EntityFrameworkCore;

namespace Astropal.Web.Features.Subscribers;

/// <summary>
/// The query behind <c>/ops/subscribers</c> (and the <c>subscribers</c> benchmark): one page of readers and the
/// count of all that match, both in the database. Search is a case-insensitive substring of the email or the name;
/// ordering uses the indexes on <c>CreatedAt</c> and <c>LastActivityAt</c>.
/// </summary>
public sealed class SubscriberQuery(IDbContextFactory<AstropalDbContext> dbFactory)
{
    public const int MaxSearchLength = 254;

    /// <summary>Up to this many matches of a search or filter are read unordered and ordered here.</summary>
    internal const int OrderInMemoryUpTo = 2_000;

    public async Task<SubscriberPage> PageAsync(SubscriberFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = Filtered(db.Readers.AsNoTracking(), filter);
        var pageSize = Math.Clamp(filter.PageSize, 1, SubscriberFilter.MaxPageSize);
        var page = Math.Max(0, filter.Page);
        if (!IsUnfiltered(filter))
        {
            // A narrow search or filter: one unordered scan finds every match, ordered here. Walking the order index
            // instead would visit the whole table looking for rare matches, and counting them would scan it again.
            // On SQLite the scan is forced: its planner, knowing only average rows per status, would otherwise look rows
            // up one by one through the status index, which holds most readers under one value (active).
            var scanned = db.Database.IsSqlite()
                ? Filtered(db.Readers.FromSqlRaw("SELECT * FROM \"Readers\" NOT INDEXED").AsNoTracking(), filter)
                : query;
            var some = await Rows(scanned).Take(OrderInMemoryUpTo + 1).ToListAsync(cancellationToken);
            if (some.Count <= OrderInMemoryUpTo)
            {
                return new SubscriberPage(Ordered(some.AsQueryable(), filter.Sort).Skip(page * pageSize).Take(pageSize).ToList(), some.Count);
            }
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await Rows(Ordered(query, filter.Sort).Skip(page * pageSize).Take(pageSize)).ToListAsync(cancellationToken);
        return new SubscriberPage(rows, total);
    }

    /// <summary>The cohorts in use, for the filter's choices.</summary>
    public async Task<IReadOnlyList<string>> CohortsAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Readers.AsNoTracking()
            .Where(r => r.Cohort != null)
            .Select(r => r.Cohort!)
            .Distinct()
            .OrderBy(c => c)
            .ToListAsync(cancellationToken);
    }

    internal static IQueryable<Reader> Filtered(IQueryable<Reader> readers, SubscriberFilter filter)
    {
        var query = readers;
        if (filter.Status is { } status)
        {
            query = query.Where(r => r.Status == status);
        }

        if (filter.Tier is { } tier)
        {
            query = query.Where(r => r.Tier == tier);
        }

        if (filter.Perspective is { } perspective)
        {
            query = query.Where(r => r.Perspective == perspective);
        }

        if (!string.IsNullOrWhiteSpace(filter.Locale))
        {
            var locale = filter.Locale.Trim();
            query = query.Where(r => r.Locale == locale);
        }

        if (filter.Cohort == SubscriberFilter.NoCohort)
        {
            query = query.Where(r => r.Cohort == null);
        }
        else if (!string.IsNullOrWhiteSpace(filter.Cohort))
        {
            var cohort = filter.Cohort.Trim();
            query = query.Where(r => r.Cohort == cohort);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var search = filter.Search.Trim();
            if (search.Length > MaxSearchLength)
            {
                search = search[..MaxSearchLength];
            }

            // LIKE with the wildcards of the text escaped: case-insensitive for ASCII on SQLite and on SQL Server's default collation.
            var pattern = "%" + search.ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal)
                .Replace("%", "\\%", StringComparison.Ordinal)
                .Replace("_", "\\_", StringComparison.Ordinal) + "%";
            query = query.Where(r => EF.Functions.Like(r.Email!, pattern, "\\") || EF.Functions.Like(r.Name!, pattern, "\\"));
        }

        return query;
    }

    private static bool IsUnfiltered(SubscriberFilter filter) =>
        string.IsNullOrWhiteSpace(filter.Search) && filter.Status is null && filter.Tier is null && filter.Perspective is null
        && string.IsNullOrWhiteSpace(filter.Locale) && string.IsNullOrWhiteSpace(filter.Cohort);

    private static IQueryable<SubscriberRow> Rows(IQueryable<Reader> query) =>
        query.Select(r => new SubscriberRow(r.Id, r.Email, r.Name, r.Status, r.Tier, r.Perspective, r.Locale, r.Cohort, r.CreatedAt, r.LastActivityAt));

    // Never-active readers sort as the least recently active: first when oldest first, last when newest first
    // (NULL is the smallest value on SQLite and SQL Server alike, and in LINQ to objects).
    private static IQueryable<Reader> Ordered(IQueryable<Reader> query, SubscriberSort sort) => sort switch
    {
        SubscriberSort.SignedUpOldest => query.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id),
        SubscriberSort.LastActivityNewest => query.OrderByDescending(r => r.LastActivityAt).ThenByDescending(r => r.CreatedAt),
        SubscriberSort.LastActivityOldest => query.OrderBy(r => r.LastActivityAt).ThenBy(r => r.CreatedAt),
        _ => query.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id),
    };

    private static IQueryable<SubscriberRow> Ordered(IQueryable<SubscriberRow> rows, SubscriberSort sort) => sort switch
    {
        SubscriberSort.SignedUpOldest => rows.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id),
        SubscriberSort.LastActivityNewest => rows.OrderByDescending(r => r.LastActivityAt).ThenByDescending(r => r.CreatedAt),
        SubscriberSort.LastActivityOldest => rows.OrderBy(r => r.LastActivityAt).ThenBy(r => r.CreatedAt),
        _ => rows.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id),
    };
}
