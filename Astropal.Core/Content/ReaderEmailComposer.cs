using Astropal.Core.Content.News;
using Astropal.Core.Content.Offline;
using Astropal.Core.Email;
using Astropal.Core.Email.Models;
using Astropal.Core.Readers;
using Astropal.Core.Sky;

namespace Astropal.Core.Content;

/// <summary>
/// Composes a reader's daily email with the offline composer (with a news block for the knowledge and
/// evidence voices when the day has headlines) and renders it; the midday digest comes from
/// <see cref="MiddayDigestComposer"/>. The natal chart is cast from the reader's stored birth fields
/// (date, optional time, place and its zone).
/// </summary>
public sealed class ReaderEmailComposer(
    OfflineDailyComposer composer,
    BirthChartCalculator birthCharts,
    EmailTemplateRenderer renderer,
    INewsHeadlineSource news,
    MiddayDigestComposer midday) : IReaderEmailComposer
{
    public async Task<RenderedEmail> ComposeAsync(Reader reader, EmailTemplate kind, DateOnly localDate, EmailLinks links, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(links);
        if (kind == EmailTemplate.Midday)
        {
            return await midday.ComposeAsync(reader, localDate, links, cancellationToken);
        }

        if (kind != EmailTemplate.Daily)
        {
            throw new NotSupportedException($"The content engine composes the daily and midday emails only; '{kind}' is not built yet.");
        }

        var content = await ContentAsync(RequestFor(reader, localDate), cancellationToken);
        return renderer.Render(content.ToEmailModel(links));
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
        return composer.Compose(request, cancellationToken);
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
        if (reader.BirthDate is not { } date
            || reader.BirthLatitude is not { } latitude
            || reader.BirthLongitude is not { } longitude
            || string.IsNullOrWhiteSpace(reader.BirthTimeZone))
        {
            throw new InvalidOperationException($"Reader {reader.Id} has no complete birth data (date, place and zone); a daily email needs a natal chart.");
        }

        return birthCharts.Compute(new BirthData(date, reader.BirthTime, latitude, longitude, reader.BirthTimeZone)).Chart;
    }
}
