using Astropal.Core.Email;
using Astropal.Core.Email.Models;
using Astropal.Core.Readers;

namespace Astropal.Core.Content.News;

/// <summary>
/// The pro midday digest (SPEC §5): the day's stored headlines, each with a note in the reader's voice,
/// around the reader's sky at local noon. With no headlines (no <c>News:ApiKey</c>, or nothing fetched)
/// there is nothing to send: <see cref="ContentUnavailableException"/>.
/// </summary>
public sealed class MiddayDigestComposer(INewsHeadlineSource news, DailySkyCalculator skyCalculator, EmailTemplateRenderer renderer)
{
    public async Task<RenderedEmail> ComposeAsync(Reader reader, DateOnly localDate, EmailLinks links, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(links);
        var headlines = await news.ForLocalDateAsync(localDate, cancellationToken);
        if (headlines.Count == 0)
        {
            throw new ContentUnavailableException(
                $"No news headlines for {localDate:yyyy-MM-dd}: the midday digest is left out (News:ApiKey unset, or the day's fetch failed).");
        }

        return renderer.Render(Write(reader.Name, reader.Locale, reader.Perspective, reader.TimeZone, localDate, headlines, links, cancellationToken), reader.Locale);
    }

    /// <summary>The digest's model for a voice and a local date from the given headlines (at least one).</summary>
    public MiddayEmailModel Write(
        string? name,
        string localeName,
        PerspectiveId perspective,
        string timeZoneId,
        DateOnly localDate,
        IReadOnlyList<NewsHeadline> headlines,
        EmailLinks links,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(headlines);
        ArgumentOutOfRangeException.ThrowIfZero(headlines.Count);
        var locale = ContentLocale.Get(localeName);
        var sky = skyCalculator.Compute(localDate, timeZoneId, cancellationToken);
        var voice = NewsPhrases.Voice(locale, perspective);
        var values = NewsTakes.Values(locale, sky, null, name);
        string Slot(string segment, IReadOnlyList<string> variants) =>
            NewsTakes.Fill(variants[Offline.OfflineDailyComposer.Pick(localDate, perspective, segment, 0, variants.Count)], values);

        var dateLabel = locale.DateLabel(localDate);
        return new MiddayEmailModel(
            Slot("midday:subject", voice.MiddaySubjects),
            Slot("midday:preheader", voice.MiddayPreheaders),
            char.ToUpper(dateLabel[0], locale.Culture) + dateLabel[1..],
            locale.Perspective(perspective),
            Slot("midday:greeting", values.ContainsKey("name") ? voice.MiddayGreetingsNamed : voice.MiddayGreetingsAnonymous),
            Slot("midday:intro", voice.MiddayIntros),
            NewsTakes.Digest(perspective, locale, localDate, sky, headlines),
            links);
    }
}
