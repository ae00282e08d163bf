using Astropal.Core.Billing;
using Astropal.Core.Content;
using Astropal.Core.Email;
using Astropal.Core.Readers;
using Astropal.Core.Sky;
using Astropal.Tests.TestSupport;
using static Astropal.Tests.Core.Content.ContentTestKit;

namespace Astropal.Tests.Core.Content;

public sealed class OfflineDailyComposerTests
{
    public static TheoryData<PerspectiveId, string> VoicesAndLocales()
    {
        var data = new TheoryData<PerspectiveId, string>();
        foreach (var perspective in Enum.GetValues<PerspectiveId>())
        {
            data.Add(perspective, "en-US");
            data.Add(perspective, "es-ES");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(VoicesAndLocales))]
    public void Subject_preheader_and_snippet_keep_their_lengths_and_nothing_is_left_unfilled(PerspectiveId perspective, string locale)
    {
        for (var day = 0; day < 14; day++)
        {
            var content = Compose(perspective, Start.AddDays(day), locale: locale);
            Assert.InRange(content.Subject.Length, 10, 60);
            Assert.InRange(content.Preheader.Length, 20, 100);
            Assert.InRange(content.Snippet.Length, 30, 120);
            var text = AllText(content);
            foreach (var banned in BannedPhrases)
            {
                Assert.DoesNotContain(banned, text, StringComparison.OrdinalIgnoreCase);
            }

            Assert.Contains("Ada", content.Greeting, StringComparison.Ordinal);
            Assert.Equal("offline", content.Provider);
            Assert.Equal(0, content.InputTokens + content.OutputTokens);
        }
    }

    [Fact]
    public void The_same_day_renders_the_same_and_the_next_day_differs()
    {
        var first = Compose(PerspectiveId.Knowledge, Start);
        var again = Compose(PerspectiveId.Knowledge, Start);
        var next = Compose(PerspectiveId.Knowledge, Start.AddDays(1));
        Assert.Equal(first.VoiceText, again.VoiceText);
        Assert.Equal(first.Subject, again.Subject);
        Assert.NotEqual(first.Subject, next.Subject);
        Assert.NotEqual(first.VoiceText, next.VoiceText);
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("es-ES")]
    public void The_sky_facts_match_the_computed_sky(string locale)
    {
        var date = new DateOnly(2026, 12, 1);
        var content = Compose(PerspectiveId.Evidence, date, locale: locale);
        var words = ContentLocale.Get(locale);
        var noon = Ephem.Compute(new DateTimeOffset(2026, 12, 1, 11, 0, 0, TimeSpan.Zero));
        var moon = content.SkyFacts[0];
        Assert.Contains(words.Sign(noon[Body.Moon].Sign), moon.Detail, StringComparison.Ordinal);
        Assert.Contains(words.Percent(noon.Moon.IlluminatedFraction), moon.Detail, StringComparison.Ordinal);
        Assert.Contains(words.Phase(noon.Moon.Name), moon.Detail, StringComparison.OrdinalIgnoreCase);

        var sun = content.SkyFacts.Single(f => f.Label == words.Body(Body.Sun));
        Assert.Equal(words.Longitude(noon[Body.Sun].Longitude), sun.Detail);

        var retrogrades = noon.Positions.Where(p => p.IsRetrograde).ToList();
        var retroFact = content.SkyFacts.Single(f => f.Label is "Retrograde" or "Retrógrados");
        foreach (var body in retrogrades)
        {
            Assert.Contains(words.Body(body.Body), retroFact.Detail, StringComparison.Ordinal);
        }

        foreach (var body in noon.Positions.Where(p => !p.IsRetrograde && p.Body is not (Body.Sun or Body.Moon)))
        {
            Assert.DoesNotContain(words.Body(body.Body) + " ", retroFact.Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Ingresses_stations_and_exact_aspects_of_the_local_day_are_listed_with_local_times()
    {
        // Checked over a month so that every kind of event turns up at least once.
        var events = 0;
        for (var day = 0; day < 31; day++)
        {
            var date = Start.AddDays(day);
            var content = Compose(PerspectiveId.Calm, date);
            var sky = content.Sky;
            foreach (var ingress in sky.Ingresses)
            {
                var time = sky.ToLocal(ingress.Utc).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
                Assert.Contains(content.SkyFacts, f => f.Label == ingress.Body.ToString() && f.Detail.Contains(ingress.Sign.ToString(), StringComparison.Ordinal) && f.Detail.Contains(time, StringComparison.Ordinal));
                events++;
            }

            foreach (var station in sky.Stations)
            {
                Assert.Contains(content.SkyFacts, f => f.Label == station.Body.ToString() && f.Detail.Split(" · ").Any(d => d.StartsWith("Stations", StringComparison.Ordinal)));
                events++;
            }

            foreach (var aspect in sky.ExactAspects.Take(4))
            {
                Assert.Contains(content.SkyFacts, f => f.Label == "Exact today" && f.Detail.Split(" · ").Any(d => d.StartsWith(aspect.First.ToString(), StringComparison.Ordinal)));
                Assert.Equal(date, DateOnly.FromDateTime(sky.ToLocal(aspect.ExactUtc!.Value).DateTime));
                events++;
            }
        }

        Assert.True(events > 5, $"only {events} events in a month");
    }

    [Fact]
    public void Transits_are_the_readers_own_with_aspect_orb_and_exact_time()
    {
        var natal = Natal(new DateOnly(1990, 5, 17), new TimeOnly(8, 30));
        var content = Compose(PerspectiveId.Success, Start, natal);
        Assert.InRange(content.Transits.Count, 2, 4);
        var computed = TransitCalc.Find(natal, content.Sky.Noon.Utc);
        foreach (var line in content.Transits)
        {
            var match = computed.Where(t => line.Aspect == $"{t.TransitingBody} {ContentLocale.English.Aspect(t.Aspect.Type)} natal {ContentLocale.English.Point(t.NatalPoint)}").ToList();
            var transit = Assert.Single(match);
            Assert.Equal(ContentLocale.Orb(transit.Aspect.Orb), line.Orb);
            if (transit.Aspect.ExactUtc is { } exact)
            {
                Assert.Contains(content.Sky.ToLocal(exact).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), line.ExactAt, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Focus_areas_weigh_50_30_20_in_the_readers_order()
    {
        var natal = Natal(new DateOnly(1990, 5, 17), new TimeOnly(8, 30));
        var all = TransitCalc.Find(natal, new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        var venus = all.First(t => t.TransitingBody == Body.Venus || t.NatalPoint == ChartPoint.Venus);
        Assert.Equal(venus.Score * 1.5, FocusRanking.Score(venus, [FocusAreaId.Relationships, FocusAreaId.Social], natal), 9);
        Assert.Equal(venus.Score * 1.3, FocusRanking.Score(venus, [FocusAreaId.Spiritual, FocusAreaId.Relationships], natal), 9);
        var relationshipsFirst = FocusRanking.Select(all, [FocusAreaId.Relationships], natal, 4);
        Assert.True(FocusRanking.Emphasises(FocusAreaId.Relationships, relationshipsFirst[0], natal) || !all.Any(t => FocusRanking.Emphasises(FocusAreaId.Relationships, t, natal) && t.Score * 1.5 >= relationshipsFirst[0].Score));
        Assert.Equal(relationshipsFirst.OrderByDescending(t => t.Score).Select(t => t.Score), relationshipsFirst.Select(t => t.Score));
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("es-ES")]
    public void Unknown_birth_time_never_mentions_angles_houses_or_the_natal_moon(string locale)
    {
        foreach (var birth in SunSignBirthDates)
        {
            var natal = Natal(birth);
            foreach (var perspective in Enum.GetValues<PerspectiveId>())
            {
                var content = Compose(perspective, Start, natal, locale);
                var text = AllText(content);
                foreach (var word in new[] { "Ascendant", "Ascendente", "Midheaven", "Medio Cielo", "house", "casa " })
                {
                    Assert.DoesNotContain(word, text, StringComparison.OrdinalIgnoreCase);
                }

                Assert.DoesNotContain(content.Transits, t => t.Aspect.EndsWith("natal Moon", StringComparison.Ordinal) || t.Aspect.Contains("tu Luna natal", StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void Spanish_is_written_in_spanish()
    {
        var content = Compose(PerspectiveId.Calm, Start, locale: "es-ES");
        Assert.Equal("Luna", content.SkyFacts[0].Label);
        Assert.Equal("Calma y centro", content.PerspectiveName);
        Assert.Contains("diciembre", content.DateLabel, StringComparison.Ordinal);
        Assert.All(content.Transits, t => Assert.Contains("natal", t.Aspect, StringComparison.Ordinal));
        Assert.DoesNotContain(" the ", content.VoiceText, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_name_the_greeting_has_none_and_free_readers_get_two_transits_and_the_upgrade()
    {
        var content = Compose(PerspectiveId.Calm, Start, tier: Tier.Free, name: null);
        Assert.DoesNotContain("{name}", content.Greeting, StringComparison.Ordinal);
        Assert.DoesNotContain(",  ", content.Greeting, StringComparison.Ordinal);
        Assert.True(content.Transits.Count <= 2);
        Assert.NotNull(content.Upgrade);
        Assert.Null(Compose(PerspectiveId.Calm, Start, tier: Tier.Pro).Upgrade);
    }

    [Fact]
    public void Focus_guidance_is_given_for_each_chosen_area_in_order()
    {
        var content = Compose(PerspectiveId.Success, Start, focus: [FocusAreaId.Spiritual, FocusAreaId.Relationships, FocusAreaId.Social]);
        Assert.Equal(["Spiritual Growth", "Relationships & Love", "Social & Communication"], content.FocusGuidance.Select(f => f.Area));
        Assert.Equal(3, content.FocusGuidance.Select(f => f.Text).Distinct().Count());
    }

    [Fact]
    public void Each_voice_sounds_like_itself()
    {
        string[][] markers =
        [
            ["breath", "breathe", "ground", "gentle", "soft", "calm", "rest"],
            ["ptolemy", "myth", "geometry", "ecliptic", "astronom", "orbit", "babylon", "greek", "kepler", "roman", "tradition", "histor", "mechanics", "degrees", "lesson"],
            ["task", "goal", "action", "execute", "deadline", "priorit", "move", "sprint"],
            ["evidence", "study", "data", "measured", "observable", "chance", "confidence", "log"],
        ];
        for (var day = 0; day < 14; day++)
        {
            foreach (var perspective in Enum.GetValues<PerspectiveId>())
            {
                var text = Compose(perspective, Start.AddDays(day)).VoiceText.ToLowerInvariant();
                Assert.True(markers[(int)perspective].Count(m => text.Contains(m, StringComparison.Ordinal)) >= 3, $"{perspective} on day {day}: {text}");
            }
        }

        var evidence = string.Join(" ", Enumerable.Range(0, 7).Select(d => Compose(PerspectiveId.Evidence, Start.AddDays(d)).VoiceText));
        Assert.Contains("evidence: none established", evidence, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Four_voices_for_the_same_reader_and_day_stay_below_0_10_similarity_over_30_days_and_12_sun_signs()
    {
        var worst = 0.0;
        foreach (var birth in SunSignBirthDates)
        {
            var natal = Natal(birth, new TimeOnly(6, 15));
            for (var day = 0; day < 30; day++)
            {
                var texts = Enum.GetValues<PerspectiveId>().Select(p => Compose(p, Start.AddDays(day), natal).VoiceText).ToList();
                worst = Math.Max(worst, VoiceSimilarity.MaxPairwise(texts));
            }
        }

        Assert.True(worst <= 0.10, $"worst pairwise similarity {worst:0.000}");
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("es-ES")]
    public void The_same_voice_on_consecutive_days_stays_below_0_30_similarity_over_14_days_and_12_sun_signs(string locale)
    {
        var worst = 0.0;
        foreach (var birth in SunSignBirthDates)
        {
            var natal = Natal(birth, new TimeOnly(6, 15));
            foreach (var perspective in Enum.GetValues<PerspectiveId>())
            {
                var previous = Compose(perspective, Start, natal, locale).VoiceText;
                for (var day = 1; day < 14; day++)
                {
                    var today = Compose(perspective, Start.AddDays(day), natal, locale).VoiceText;
                    worst = Math.Max(worst, VoiceSimilarity.Jaccard(previous, today));
                    previous = today;
                }
            }
        }

        Assert.True(worst <= 0.30, $"worst consecutive-day similarity {worst:0.000}");
    }

    [Fact]
    public void Jaccard_of_word_3_shingles_is_computed_on_sets()
    {
        Assert.Equal(1.0, VoiceSimilarity.Jaccard("the moon is bright", "The Moon, is bright!"));
        Assert.Equal(0.0, VoiceSimilarity.Jaccard("a b c", "d e f"));
        Assert.Equal(1.0 / 3.0, VoiceSimilarity.Jaccard("a b c d", "a b c e"), 9);
    }

    [Theory]
    [InlineData("en-US", null)]
    [InlineData("es-ES", 7)]
    public async Task A_readers_daily_email_renders_with_their_links_and_no_gaps(string locale, int? birthHour)
    {
        var reader = Reader(PerspectiveId.Knowledge, birthHour is { } h ? new TimeOnly(h, 0) : null, locale);
        var email = await ReaderComposer.ComposeAsync(reader, EmailTemplate.Daily, Start, EmailSamples.Links, CancellationToken.None);
        Assert.Equal(EmailTemplate.Daily, email.Template);
        Assert.InRange(email.Subject.Length, 10, 60);
        Assert.Contains(EmailSamples.UnsubscribeUrl, email.Html, StringComparison.Ordinal);
        Assert.Contains("Ada", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", email.Html, StringComparison.Ordinal);
        var notScheduled = await Assert.ThrowsAsync<NotSupportedException>(() => ReaderComposer.ComposeAsync(reader, EmailTemplate.Welcome, Start, EmailSamples.Links, CancellationToken.None));
        Assert.Contains("'Welcome' is not a reader's scheduled email", notScheduled.Message, StringComparison.Ordinal);
    }
}
