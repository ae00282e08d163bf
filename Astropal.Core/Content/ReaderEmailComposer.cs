using Astropal.Core.Content.Evening;
using Astropal.Core.Content.News;
using Astropal.Core.Content.Offline;
using Astropal.Core.Content.Weekly;
using Astropal.Core.Email;
using Astropal.Core.Email.Models;
using Astropal.Core.Readers;
using Astropal.Core.Sky;

namespace Astropal.Core.Content;

/// <summary>
/// Composes a reader's daily email in two layers and renders it: the shared segments (the reader's Sun sign and
/// focus areas, read from the store or generated on demand when the preparation job has not made them) over the
/// reader's own layer (sky facts and transits from the offline composer, with a news block for the knowledge and
/// evidence voices when the day has headlines). The midday digest comes from <see cref="MiddayDigestComposer"/>, the
/// evening reflection from <see cref="EveningReflectionComposer"/>, the Sunday overview from <see cref="WeeklyOverviewComposer"/>.
/// The natal chart is the reader's stored chart when there is one, else it is cast from the stored birth fields
/// (date, optional time, place and zone).
/// </summary>
public sealed class ReaderEmailComposer(
    OfflineDailyComposer composer,
    BirthChartCalculator birthCharts,
    EmailTemplateRenderer renderer,
    SegmentService segments,
    INewsHeadlineSource news,
    MiddayDigestComposer midday,
    EveningReflectionComposer evening,
    WeeklyOverviewComposer weekly) : IReaderEmailComposer
{
    public async Task<RenderedEmail> ComposeAsync(Reader reader, EmailTemplate kind, DateOnly localDate, EmailLinks links, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(links);
        switch (kind)
        {
            case EmailTemplate.Daily:
                var content = await ContentAsync(RequestFor(reader, localDate), cancellationToken);
                return renderer.Render(content.ToEmailModel(links), reader.Locale);
            case EmailTemplate.Midday:
                return await midday.ComposeAsync(reader, localDate, links, cancellationToken);
            case EmailTemplate.Evening:
                return evening.Compose(RequestFor(reader, localDate), links, cancellationToken);
            case EmailTemplate.Weekly:
                return weekly.Compose(reader, localDate, links, cancellationToken);
            default:
                throw new NotSupportedException(
                    $"'{kind}' is not a reader's scheduled email: the content engine composes the daily, midday, evening and weekly emails only.");
        }
    }

    /// <summary>
    /// The daily content for a request, as the email gets it: with the day's headlines for the voices that speak
    /// about news. The console measures voice distinctness through this too.
    /// </summary>
    public async Task<DailyContent> ContentAsync(DailyContentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (NewsTakes.InDailyEmail(request.Perspective) && request.Headlines.Count == 0)
        {
            request = request with { Headlines = await news.ForLocalDateAsync(request.LocalDate, cancellationToken) };
        }

        cancellationToken.ThrowIfCancellationRequested();
        var personal = composer.Compose(request, cancellationToken);
        var keys = SegmentKeysFor(request);
        var texts = new List<SegmentText>(keys.Count);
        foreach (var key in keys)
        {
            texts.Add(await segments.GetAsync(key, cancellationToken));
        }

        return SegmentOverlay.Apply(personal, texts[0], texts.Skip(1).ToList());
    }

    /// <summary>The segments a request needs: its Sun sign first, then each focus area.</summary>
    public static IReadOnlyList<SegmentKey> SegmentKeysFor(DailyContentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SegmentKey.ForReader(request.LocalDate, request.Locale, request.Perspective, request.Tier, request.Natal[Body.Sun].Sign, request.FocusAreas);
    }

    /// <summary>The composer's request for a reader on a local date.</summary>
    public DailyContentRequest RequestFor(Reader reader, DateOnly localDate)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new DailyContentRequest(
            reader.Name,
            NatalChartOf(reader),
            reader.TimeZone,
            reader.Locale,
            reader.Perspective,
            reader.FocusAreas,
            reader.Tier,
            localDate,
            renderer.Brand.SiteUrl.TrimEnd('/') + "/plans");
    }

    private NatalChart NatalChartOf(Reader reader)
    {
        // The chart cast at confirmation: positions as stored; houses (cheap) and aspects are derived again from them.
        if (reader.NatalChartJson is { Length: > 0 } json && ReadStoredChart(json) is { } stored)
        {
            return stored;
        }

        if (reader.BirthDate is not { } date
            || reader.BirthLatitude is not { } latitude
            || reader.BirthLongitude is not { } longitude
            || string.IsNullOrWhiteSpace(reader.BirthTimeZone))
        {
            throw new InvalidOperationException($"Reader {reader.Id} has no complete birth data (date, place and zone); a daily email needs a natal chart.");
        }

        return birthCharts.Compute(new BirthData(date, reader.BirthTime, latitude, longitude, reader.BirthTimeZone)).Chart;

        // A chart of another version, or unreadable, is cast again from the birth fields.
        static NatalChart? ReadStoredChart(string json)
        {
            try
            {
                return StoredNatalChart.FromJson(json).ToNatalChart();
            }
            catch (System.Text.Json.JsonException)
            {
                return null;
            }
        }
    }
}
