using Astropal.Core.Billing;
using Astropal.Core.Content;
using Astropal.Core.Content.Llm;
using Astropal.Core.Email;
using Astropal.Core.Email.Models;
using Astropal.Core.Readers;
using Astropal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Content;

/// <summary>A segment generated today with what its LLM calls used (all calls for its key, failed ones too).</summary>
public sealed record SegmentRow(
    DateOnly LocalDate,
    string Locale,
    PerspectiveId Perspective,
    Tier Tier,
    string Subject,
    string Provider,
    string Model,
    int Calls,
    int InputTokens,
    int OutputTokens,
    decimal CostUsd,
    DateTimeOffset CreatedAt);

/// <summary>Segments of one provider today.</summary>
public sealed record ProviderTotal(string Provider, int Segments, int InputTokens, int OutputTokens, decimal CostUsd);

/// <summary>Today's content for the console; <see cref="Segments"/> holds at most the requested rows, the totals count all.</summary>
public sealed record ContentToday(
    DateOnly Day,
    IReadOnlyList<SegmentRow> Segments,
    int SegmentCount,
    IReadOnlyList<ProviderTotal> ByProvider,
    int LlmCalls,
    int InputTokens,
    int OutputTokens,
    decimal SpendUsd,
    decimal DailyBudgetUsd)
{
    public double BudgetUsedFraction => DailyBudgetUsd <= 0 ? 1 : (double)(SpendUsd / DailyBudgetUsd);
}

/// <summary>A reader the preview can be made for.</summary>
public sealed record PreviewReader(Guid Id, string? Email, string? Name, PerspectiveId Perspective, Tier Tier, ReaderStatus Status, string TimeZone, DateOnly LocalToday);

/// <summary>A composed email, or why there is none.</summary>
public sealed record EmailPreview(RenderedEmail? Email, string? Error);

/// <summary>The figure and what it was measured on.</summary>
public sealed record DistinctnessReport(VoiceDistinctnessFigure Figure, bool SampleReader, DateOnly Day);

/// <summary>
/// What <c>/ops/content</c> shows: today's (UTC) segments with their LLM calls and cost, today's spend against
/// the budget, a preview of any reader's email (composed exactly as delivery would, never sent or stored),
/// and the day's voice-distinctness figure.
/// </summary>
public sealed class ContentConsole(
    IDbContextFactory<AstropalDbContext> dbFactory,
    ReaderEmailComposer composer,
    IReaderEmailComposer emailComposer,
    IOptions<LlmOptions> options,
    TimeProvider time)
{
    /// <summary>
    /// The links of every preview: inert. A preview must not carry the reader's real portal (30-day sign-in) or
    /// unsubscribe tokens, which would let whoever sees the console act as the reader.
    /// </summary>
    public const string InertLink = "#preview-link";

    internal static EmailLinks PreviewLinks { get; } = new(InertLink, InertLink, InertLink, PerspectiveLinks.Create(_ => InertLink));

    /// <summary>Readers sampled for the distinctness figure.</summary>
    public const int DistinctnessSample = 8;

    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public async Task<ContentToday> TodayAsync(int take, CancellationToken cancellationToken)
    {
        var day = Today;
        var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = start.AddDays(1);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var segments = await db.Segments.AsNoTracking()
            .Where(s => s.CreatedAt >= start && s.CreatedAt < end)
            .Select(s => new { s.LocalDate, s.Locale, s.Perspective, s.Tier, s.SubjectKey, s.Provider, s.Model, s.CreatedAt })
            .ToListAsync(cancellationToken);
        // Decimal sums are done here: SQLite cannot add decimals.
        var calls = await db.LlmCalls.AsNoTracking()
            .Where(c => c.At >= start.AddDays(-1) && c.At < end)
            .Select(c => new { c.At, c.SegmentKey, c.InputTokens, c.OutputTokens, c.CostUsd })
            .ToListAsync(cancellationToken);
        var byKey = calls.GroupBy(c => c.SegmentKey, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var rows = segments.Select(s =>
        {
            var used = byKey.GetValueOrDefault(new SegmentKey(s.LocalDate, s.Locale, s.Perspective, s.Tier, s.SubjectKey).ToString()) ?? [];
            return new SegmentRow(
                s.LocalDate, s.Locale, s.Perspective, s.Tier, s.SubjectKey, s.Provider, s.Model,
                used.Count, used.Sum(c => c.InputTokens), used.Sum(c => c.OutputTokens), used.Sum(c => c.CostUsd), s.CreatedAt);
        }).ToList();
        var today = calls.Where(c => c.At >= start).ToList();
        return new ContentToday(
            day,
            rows.OrderByDescending(r => r.CreatedAt).Take(take).ToList(),
            rows.Count,
            rows.GroupBy(r => r.Provider, StringComparer.Ordinal)
                .Select(g => new ProviderTotal(g.Key, g.Count(), g.Sum(r => r.InputTokens), g.Sum(r => r.OutputTokens), g.Sum(r => r.CostUsd)))
                .OrderByDescending(p => p.Segments)
                .ToList(),
            today.Count,
            today.Sum(c => c.InputTokens),
            today.Sum(c => c.OutputTokens),
            today.Sum(c => c.CostUsd),
            options.Value.DailyBudgetUsd);
    }

    /// <summary>Readers whose id is <paramref name="query"/> or whose address contains it (at most 10).</summary>
    public async Task<IReadOnlyList<PreviewReader>> FindReadersAsync(string query, CancellationToken cancellationToken)
    {
        var text = query.Trim();
        if (text.Length == 0)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var readers = db.Readers.AsNoTracking();
        var lowered = text.ToLowerInvariant();
        var found = Guid.TryParse(text, out var id)
            ? await readers.Where(r => r.Id == id).ToListAsync(cancellationToken)
            : await readers.Where(r => r.Email != null && r.Email.Contains(lowered)).OrderBy(r => r.Email).Take(10).ToListAsync(cancellationToken);
        return found.Select(r => new PreviewReader(r.Id, r.Email, r.Name, r.Perspective, r.Tier, r.Status, r.TimeZone, LocalToday(r.TimeZone))).ToList();
    }

    /// <summary>The reader's email of that kind for that local date, as delivery would compose it but with inert links; nothing is sent or stored.</summary>
    public async Task<EmailPreview> PreviewAsync(Guid readerId, EmailTemplate kind, DateOnly localDate, CancellationToken cancellationToken)
    {
        Reader? reader;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            reader = await db.Readers.AsNoTracking().FirstOrDefaultAsync(r => r.Id == readerId, cancellationToken);
        }

        if (reader is null)
        {
            return new(null, "That reader no longer exists.");
        }

        try
        {
            return new(await emailComposer.ComposeAsync(reader, kind, localDate, PreviewLinks, cancellationToken), null);
        }
        catch (Exception ex) when (ex is ContentUnavailableException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            return new(null, ex.Message);
        }
    }

    /// <summary>
    /// The distinctness figure on today's content: up to <see cref="DistinctnessSample"/> active readers with birth
    /// data, each on their own local date, or the built-in sample reader when there are none.
    /// </summary>
    public async Task<DistinctnessReport> DistinctnessAsync(CancellationToken cancellationToken)
    {
        List<Reader> readers;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            readers = await db.Readers.AsNoTracking()
                .Where(r => r.Status == ReaderStatus.Active && r.BirthDate != null && r.BirthLatitude != null && r.BirthLongitude != null && r.BirthTimeZone != null)
                .OrderBy(r => r.Id)
                .Take(DistinctnessSample)
                .ToListAsync(cancellationToken);
        }

        var sample = readers.Count == 0;
        var requests = (sample ? [SampleReader] : readers)
            .Select(r => composer.RequestFor(r, LocalToday(r.TimeZone)))
            .ToList();
        var figure = await Task.Run(() => VoiceDistinctness.MeasureAsync(requests, composer.ContentAsync, cancellationToken), cancellationToken);
        return new(figure, sample, Today);
    }

    /// <summary>Measured when there is no active reader: born 1990-05-17 08:30 in Madrid, living there, career and wellness.</summary>
    internal static Reader SampleReader { get; } = new()
    {
        Id = Guid.Empty,
        Name = "Sample",
        BirthDate = new DateOnly(1990, 5, 17),
        BirthTime = new TimeOnly(8, 30),
        BirthLatitude = 40.4168,
        BirthLongitude = -3.7038,
        BirthTimeZone = "Europe/Madrid",
        TimeZone = "Europe/Madrid",
        Locale = SupportedLocales.Default,
        FocusAreas = [FocusAreaId.Career, FocusAreaId.Wellness],
        Tier = Tier.Basic,
        ReferralCode = "SAMPLE",
    };

    private DateOnly LocalToday(string zone)
    {
        var now = time.GetUtcNow();
        return TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var tz)
            ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, tz).DateTime)
            : DateOnly.FromDateTime(now.UtcDateTime);
    }
}
