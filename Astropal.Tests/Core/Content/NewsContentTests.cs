using Astropal.Core.Content;
using Astropal.Core.Content.News;
using Astropal.Core.Readers;
using Astropal.Tests.TestSupport;
using static Astropal.Tests.Core.Content.ContentTestKit;

namespace Astropal.Tests.Core.Content;

public sealed class NewsContentTests
{
    private static readonly MiddayDigestComposer Midday = new(new NoNewsHeadlines(), SkyCalculator, Renderer);

    /// <summary>Two headlines per category for a date, in NewsAPI order, titles and links naming the date.</summary>
    private static List<NewsHeadline> Headlines(DateOnly date, params string[] categories) =>
        (categories.Length == 0 ? ["science", "technology", "business", "health"] : categories)
            .SelectMany(c => Enumerable.Range(1, 2).Select(i => new NewsHeadline
            {
                FetchedOn = date,
                Category = c,
                Title = $"{c} story {i} of {date:yyyy-MM-dd}",
                Source = "Example",
                Url = $"https://news.test/{date:yyyyMMdd}/{c}/{i}",
            }))
            .ToList();

    private static DailyContent ComposeWithNews(PerspectiveId perspective, DateOnly date, Astropal.Core.Sky.NatalChart? natal = null, string locale = "en-US", IReadOnlyList<NewsHeadline>? headlines = null) =>
        Composer.Compose(Request(perspective, date, natal, locale) with { Headlines = headlines ?? Headlines(date) });

    [Theory]
    [InlineData("en-US")]
    [InlineData("es-ES")]
    public void Knowledge_and_evidence_speak_about_one_headline_and_the_other_voices_about_none(string locale)
    {
        var knowledge = ComposeWithNews(PerspectiveId.Knowledge, Start, locale: locale);
        var evidence = ComposeWithNews(PerspectiveId.Evidence, Start, locale: locale, headlines: Headlines(Start, "health", "business"));

        var item = Assert.Single(knowledge.News!.Items);
        Assert.Equal("science story 1 of 2026-12-01", item.Headline);
        Assert.Equal("https://news.test/20261201/science/1", item.Url);
        Assert.Equal("Example", item.Source);
        Assert.Equal("health story 1 of 2026-12-01", Assert.Single(evidence.News!.Items).Headline);
        Assert.Contains(item.Take, knowledge.VoiceText, StringComparison.Ordinal);
        Assert.DoesNotContain(item.Headline, knowledge.VoiceText, StringComparison.Ordinal);
        Assert.Same(knowledge.News, knowledge.ToEmailModel(EmailSamples.Links).News);
        Assert.Null(ComposeWithNews(PerspectiveId.Calm, Start, locale: locale).News);
        Assert.Null(ComposeWithNews(PerspectiveId.Success, Start, locale: locale).News);
        Assert.Null(ComposeWithNews(PerspectiveId.Knowledge, Start, locale: locale, headlines: []).News);
    }

    [Fact]
    public void The_rendered_daily_email_shows_the_headline_its_source_and_the_take()
    {
        var content = ComposeWithNews(PerspectiveId.Evidence, Start);
        var email = Renderer.Render(content.ToEmailModel(EmailSamples.Links));

        Assert.Contains("In the news: what was measured", email.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://news.test/20261201/science/1\"", email.Html, StringComparison.Ordinal);
        Assert.Contains("science story 1 of 2026-12-01", email.Text, StringComparison.Ordinal);
        Assert.Contains(content.News!.Items[0].Take, email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void With_headlines_four_voices_stay_below_0_10_and_consecutive_days_below_0_30_over_30_days_and_12_sun_signs()
    {
        var worstBetween = 0.0;
        var worstConsecutive = 0.0;
        foreach (var locale in new[] { "en-US", "es-ES" })
        {
            foreach (var birth in SunSignBirthDates)
            {
                var natal = Natal(birth, new TimeOnly(6, 15));
                var previous = new Dictionary<PerspectiveId, string>();
                for (var day = 0; day < 30; day++)
                {
                    var date = Start.AddDays(day);
                    var texts = Enum.GetValues<PerspectiveId>().ToDictionary(p => p, p => ComposeWithNews(p, date, natal, locale).VoiceText);
                    worstBetween = Math.Max(worstBetween, VoiceSimilarity.MaxPairwise(texts.Values.ToList()));
                    foreach (var (perspective, text) in previous)
                    {
                        worstConsecutive = Math.Max(worstConsecutive, VoiceSimilarity.Jaccard(text, texts[perspective]));
                    }

                    previous = texts;
                }
            }
        }

        Assert.True(worstBetween <= 0.10, $"worst pairwise similarity {worstBetween:0.000}");
        Assert.True(worstConsecutive <= 0.30, $"worst consecutive-day similarity {worstConsecutive:0.000}");
    }

    [Theory]
    [MemberData(nameof(OfflineDailyComposerTests.VoicesAndLocales), MemberType = typeof(OfflineDailyComposerTests))]
    public void The_midday_digest_keeps_its_lengths_spreads_over_the_categories_and_varies_by_day(PerspectiveId perspective, string locale)
    {
        string? previousSubject = null;
        for (var day = 0; day < 14; day++)
        {
            var date = Start.AddDays(day);
            var model = Midday.Write(day % 2 == 0 ? "Ada" : null, locale, perspective, "Europe/Madrid", date, Headlines(date), EmailSamples.Links);

            Assert.InRange(model.Subject.Length, 10, 60);
            Assert.InRange(model.Preheader.Length, 20, 100);
            Assert.Equal(["science", "technology", "business", "health"], model.Items.Select(i => i.Url.Split('/')[4]));
            Assert.Equal(4, model.Items.Select(i => i.Take).Distinct().Count());
            Assert.Equal(day % 2 == 0, model.Greeting.Contains("Ada", StringComparison.Ordinal));
            var text = string.Join("\n", new[] { model.Subject, model.Preheader, model.Greeting, model.Intro! }.Concat(model.Items.Select(i => i.Take)));
            foreach (var banned in BannedPhrases)
            {
                Assert.DoesNotContain(banned, text, StringComparison.OrdinalIgnoreCase);
            }

            Assert.NotEqual(previousSubject, model.Subject);
            previousSubject = model.Subject;
        }
    }

    [Fact]
    public void The_midday_digest_takes_seconds_from_a_category_when_there_are_fewer_categories_than_items()
    {
        var model = Midday.Write("Ada", "en-US", PerspectiveId.Knowledge, "Europe/Madrid", Start, Headlines(Start, "science", "health"), EmailSamples.Links);

        Assert.Equal(
            ["science story 1 of 2026-12-01", "health story 1 of 2026-12-01", "science story 2 of 2026-12-01", "health story 2 of 2026-12-01"],
            model.Items.Select(i => i.Headline));
    }

    [Fact]
    public async Task The_reader_composer_renders_the_midday_digest_and_says_when_there_is_no_news()
    {
        var reader = Reader(PerspectiveId.Evidence, tier: Astropal.Core.Billing.Tier.Pro);

        var error = await Assert.ThrowsAsync<ContentUnavailableException>(() => ReaderComposer.ComposeAsync(reader, Astropal.Core.Email.EmailTemplate.Midday, Start, EmailSamples.Links, CancellationToken.None));

        Assert.Contains("No news headlines for 2026-12-01", error.Message, StringComparison.Ordinal);
        var email = Renderer.Render(Midday.Write(reader.Name, reader.Locale, reader.Perspective, reader.TimeZone, Start, Headlines(Start), EmailSamples.Links));
        Assert.Contains("Today's headlines through your sky", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", email.Text, StringComparison.Ordinal);
    }
}
