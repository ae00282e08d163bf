using Astropal.Core.Content;
using Astropal.Core.Content.Llm;
using Astropal.Core.Readers;
using Astropal.Core.Sky;
using Astropal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace Astropal.Web.Features.Content;

/// <summary>What one preparation run found and did.</summary>
public sealed record SegmentPreparation(int Readers, int SegmentsNeeded, int Generated);

/// <summary>
/// Prepares the shared segments ahead of sending: for every active reader, the segments of each local date that
/// is current or starts within the next 36 hours (the reader's Sun sign and focus areas, in the reader's
/// locale, voice and tier). Only segments some reader needs are generated, each once.
/// </summary>
public sealed partial class SegmentPreparer(
    IDbContextFactory<AstropalDbContext> dbFactory,
    SegmentService segments,
    BirthChartCalculator birthCharts,
    IOptions<LlmOptions> options,
    TimeProvider time,
    ILogger<SegmentPreparer> logger)
{
    public static readonly TimeSpan Horizon = TimeSpan.FromHours(36);

    public async Task<SegmentPreparation> RunAsync(CancellationToken cancellationToken)
    {
        var (readers, keys) = await NeededAsync(time.GetUtcNow(), cancellationToken);
        var generated = await segments.PrepareAsync(keys, options.Value.Parallelism, cancellationToken);
        Log.Prepared(logger, readers, keys.Count, generated);
        return new SegmentPreparation(readers, keys.Count, generated);
    }

    /// <summary>The distinct segments the active readers need for the local dates from now to now + 36 h, soonest first.</summary>
    public async Task<(int Readers, IReadOnlyList<SegmentKey> Keys)> NeededAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var readers = await db.Readers.AsNoTracking()
            .Where(r => r.Status == ReaderStatus.Active)
            .Select(r => new
            {
                r.Id, r.TimeZone, r.Locale, r.Perspective, r.Tier, r.FocusAreas, r.NatalChartJson,
                r.BirthDate, r.BirthTime, r.BirthLatitude, r.BirthLongitude, r.BirthTimeZone,
            })
            .ToListAsync(cancellationToken);
        var keys = new HashSet<SegmentKey>();
        var counted = 0;
        foreach (var r in readers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(r.TimeZone, out var zone) || !ContentLocale.TryGet(r.Locale, out var locale) || r.FocusAreas.Count == 0)
            {
                continue;
            }

            ZodiacSign sun;
            if (r.NatalChartJson is { Length: > 0 } json)
            {
                sun = Zodiac.SignOf(StoredNatalChart.FromJson(json).Bodies.Single(b => b.Body == Body.Sun).Longitude);
            }
            else if (r.BirthDate is { } date && r.BirthLatitude is { } lat && r.BirthLongitude is { } lon && !string.IsNullOrWhiteSpace(r.BirthTimeZone))
            {
                sun = birthCharts.Compute(new BirthData(date, r.BirthTime, lat, lon, r.BirthTimeZone)).Chart[Body.Sun].Sign;
            }
            else
            {
                continue;
            }

            counted++;
            var first = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
            var last = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now + Horizon, zone).DateTime);
            for (var day = first; day <= last; day = day.AddDays(1))
            {
                keys.UnionWith(SegmentKey.ForReader(day, locale.Name, r.Perspective, r.Tier, sun, r.FocusAreas));
            }
        }

        return (counted, keys.OrderBy(k => k.LocalDate).ThenBy(k => k.ToString(), StringComparer.Ordinal).ToList());
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Segments: {Readers} active readers need {Needed} segments in the next 36 h; {Generated} were missing and are now prepared")]
        public static partial void Prepared(ILogger logger, int readers, int needed, int generated);
    }
}

/// <summary>The Quartz job that prepares segments (00:05 UTC daily and hourly top-ups), never two at once per scheduler.</summary>
[DisallowConcurrentExecution]
public sealed class SegmentPreparationJob(SegmentPreparer preparer) : IJob
{
    public static readonly JobKey Key = new("segment-preparation", "content");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await preparer.RunAsync(cancellationToken);
    }
}
