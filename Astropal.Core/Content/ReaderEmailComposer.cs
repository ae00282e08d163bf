using Astropal.Core.Content.Offline;
using Astropal.Core.Email;
using Astropal.Core.Email.Models;
using Astropal.Core.Readers;
using Astropal.Core.Sky;

namespace Astropal.Core.Content;

/// <summary>
/// Composes a reader's daily email with the offline composer and renders it. The natal chart is cast
/// from the reader's stored birth fields (date, optional time, place and its zone).
/// </summary>
public sealed class ReaderEmailComposer(
    OfflineDailyComposer composer,
    BirthChartCalculator birthCharts,
    EmailTemplateRenderer renderer) : IReaderEmailComposer
{
    public Task<RenderedEmail> ComposeAsync(Reader reader, EmailTemplate kind, DateOnly localDate, EmailLinks links, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(links);
        if (kind != EmailTemplate.Daily)
        {
            throw new NotSupportedException($"The content engine composes the daily email only; '{kind}' is not built yet.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var content = composer.Compose(RequestFor(reader, localDate), cancellationToken);
        return Task.FromResult(renderer.Render(content.ToEmailModel(links), reader.Locale));
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
