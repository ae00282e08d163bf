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
        return Task.FromResult(renderer.Render(content.ToEmailModel(links)));
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
        if (reader.NatalChartJson is { } json && ReadStoredChart(json) is { } stored)
        {
            var request = new NatalChartRequest(stored.Utc, stored.BirthTimeKnown, stored.Latitude, stored.Longitude);
            var positions = stored.Bodies.OrderBy(b => b.Body).Select(b => new BodyPosition(b.Body, b.Longitude, b.DailyMotion)).ToList();
            var houses = stored.BirthTimeKnown ? new HouseCalculator().Compute(stored.Utc, stored.Latitude, stored.Longitude) : null;
            var chart = new NatalChart(request, positions, houses, [], stored.IsMoonSignCertain);
            return chart with { Aspects = new AspectFinder().Find(chart.Points()).OrderBy(a => a.Orb).ToList() };
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
        static StoredNatalChart? ReadStoredChart(string json)
        {
            try
            {
                var chart = StoredNatalChart.FromJson(json);
                return chart.Bodies.Count == Enum.GetValues<Body>().Length ? chart : null;
            }
            catch (System.Text.Json.JsonException)
            {
                return null;
            }
        }
    }
}
