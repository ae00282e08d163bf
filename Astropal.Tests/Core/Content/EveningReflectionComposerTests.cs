using Astropal.Core.Content;
using Astropal.Core.Content.Offline;
using Astropal.Core.Email;
using Astropal.Core.Email.Models;
using Astropal.Core.Readers;
using Astropal.Core.Sky;
using Astropal.Tests.TestSupport;
using static Astropal.Tests.Core.Content.ContentTestKit;

namespace Astropal.Tests.Core.Content;

public sealed class EveningReflectionComposerTests
{
    private const string Zone = "Europe/Madrid";

    private static EveningEmailModel Write(PerspectiveId perspective, DateOnly date, string locale = "en-US", string? name = "Ada") =>
        Evening.Write(Request(perspective, date, locale: locale, name: name), EmailSamples.Links);

    private static string AllText(EveningEmailModel m) =>
        string.Join("\n", new[] { m.Subject, m.Preheader, m.DateLabel, m.Greeting, m.Reflection, m.Tomorrow ?? "" }.Concat(m.Questions));

    [Theory]
    [MemberData(nameof(OfflineDailyComposerTests.VoicesAndLocales), MemberType = typeof(OfflineDailyComposerTests))]
    public async Task Every_voice_and_locale_composes_the_evening_for_two_weeks_within_the_subject_and_preheader_lengths(PerspectiveId perspective, string locale)
    {
        var reader = Reader(perspective, new TimeOnly(8, 30), locale);
        for (var date = Start; date < Start.AddDays(14); date = date.AddDays(1))
        {
            var model = Write(perspective, date, locale, date.Day % 2 == 0 ? "Ada" : null);
            Assert.InRange(model.Subject.Length, 10, 60);
            Assert.InRange(model.Preheader.Length, 20, 100);
            Assert.InRange(model.Questions.Count, 2, 3);
            Assert.Equal(model.Questions.Count, model.Questions.Distinct().Count());
            Assert.All(model.Questions, q => Assert.False(string.IsNullOrWhiteSpace(q)));
            Assert.False(string.IsNullOrWhiteSpace(model.Tomorrow));
            var text = AllText(model);
            Assert.All(BannedPhrases, banned => Assert.DoesNotContain(banned, text, StringComparison.OrdinalIgnoreCase));

            var email = await ReaderComposer.ComposeAsync(reader, EmailTemplate.Evening, date, EmailSamples.Links, CancellationToken.None);
            Assert.Equal(EmailTemplate.Evening, email.Template);
            Assert.InRange(email.Subject.Length, 10, 60);
            Assert.DoesNotContain("{{", email.Html, StringComparison.Ordinal);
            Assert.DoesNotContain("{{", email.Text, StringComparison.Ordinal);
            Assert.Contains(EmailSamples.UnsubscribeUrl, email.Html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("es-ES")]
    public void The_reflection_names_the_computed_moon_the_strongest_transit_and_tomorrows_events(string localeName)
    {
        var locale = ContentLocale.Get(localeName);
        for (var date = Start; date < Start.AddDays(10); date = date.AddDays(1))
        {
            var request = Request(PerspectiveId.Calm, date, locale: localeName);
            var model = Evening.Write(request, EmailSamples.Links);
            var sky = SkyCalculator.Compute(date, Zone);

            Assert.Contains(locale.Sign(sky.Noon[Body.Moon].Sign), model.Reflection, StringComparison.Ordinal);
            if (sky.MoonIngress is { } ingress)
            {
                Assert.Contains(locale.Sign(ingress.Sign), model.Reflection, StringComparison.Ordinal);
                Assert.Contains(locale.Time(sky.ToLocal(ingress.Utc)), model.Reflection, StringComparison.Ordinal);
            }

            // The transit the daily email puts first, with its real aspect.
            var transit = FocusRanking.Select(TransitCalc.Find(request.Natal, sky.Noon, exactInstants: false), request.FocusAreas, request.Natal, 1);
            var first = Assert.Single(transit);
            var aspect = locale.IsSpanish
                ? $"{SkyEventWords.TheBody(locale, first.TransitingBody)} {locale.Aspect(first.Aspect.Type)} tu {locale.Point(first.NatalPoint)} natal"
                : $"{SkyEventWords.TheBody(locale, first.TransitingBody)} {locale.Aspect(first.Aspect.Type)} your natal {locale.Point(first.NatalPoint)}";
            Assert.Contains(aspect, model.Reflection, StringComparison.OrdinalIgnoreCase);

            var tomorrow = SkyCalculator.Compute(date.AddDays(1), Zone);
            var expected = SkyEventWords.Ranked(tomorrow.Events).FirstOrDefault() is { } next
                ? SkyEventWords.WhatAt(locale, next, tomorrow.ToLocal(next.Utc))
                : locale.Sign(tomorrow.Noon[Body.Moon].Sign);
            Assert.Contains(expected, model.Tomorrow, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_day_with_a_lunar_phase_mentions_it_with_its_local_time()
    {
        // Last quarter 2026-12-01 06:09 UTC (astro-reference), 07:09 in Madrid.
        var model = Write(PerspectiveId.Evidence, new DateOnly(2026, 12, 1));
        Assert.Contains("Also today: Last quarter in Virgo at 07:0", model.Reflection, StringComparison.Ordinal);
        var spanish = Write(PerspectiveId.Evidence, new DateOnly(2026, 11, 30), "es-ES");
        Assert.StartsWith("Cuarto menguante en Virgo a las 07:0", spanish.Tomorrow, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_name_or_focus_areas_the_evening_greets_without_a_name_and_still_asks_its_questions()
    {
        for (var date = Start; date < Start.AddDays(7); date = date.AddDays(1))
        {
            var model = Evening.Write(Request(PerspectiveId.Success, date, name: null, focus: []), EmailSamples.Links);
            Assert.DoesNotContain("Ada", model.Greeting, StringComparison.Ordinal);
            Assert.InRange(model.Questions.Count, 2, 3);
            Assert.DoesNotContain("{", AllText(model), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Calm_and_evidence_read_differently_on_the_same_day()
    {
        for (var date = Start; date < Start.AddDays(7); date = date.AddDays(1))
        {
            foreach (var locale in new[] { "en-US", "es-ES" })
            {
                var calm = Write(PerspectiveId.Calm, date, locale);
                var evidence = Write(PerspectiveId.Evidence, date, locale);
                Assert.NotEqual(calm.Reflection, evidence.Reflection);
                Assert.NotEqual(calm.Subject, evidence.Subject);
                Assert.Empty(calm.Questions.Intersect(evidence.Questions));
                Assert.InRange(VoiceSimilarity.Jaccard(calm.Reflection, evidence.Reflection), 0, 0.25);
            }
        }
    }

    [Fact]
    public void Consecutive_evenings_of_one_voice_do_not_repeat_the_reflection_or_the_questions()
    {
        for (var date = Start; date < Start.AddDays(14); date = date.AddDays(1))
        {
            var today = Write(PerspectiveId.Knowledge, date);
            var next = Write(PerspectiveId.Knowledge, date.AddDays(1));
            Assert.NotEqual(today.Reflection, next.Reflection);
            Assert.NotEqual(today.Questions, next.Questions);
            Assert.Equal(AllText(today), AllText(Write(PerspectiveId.Knowledge, date)));
        }
    }

    [Fact]
    public void The_spanish_evening_is_written_in_spanish()
    {
        var model = Write(PerspectiveId.Calm, new DateOnly(2026, 12, 2), "es-ES");
        Assert.Equal("Miércoles 2 de diciembre", model.DateLabel);
        Assert.Equal("Calma y centro", model.PerspectiveName);
        Assert.Contains("Luna", model.Reflection, StringComparison.Ordinal);
        Assert.StartsWith("¿", model.Questions[0], StringComparison.Ordinal);
        Assert.DoesNotContain(" the ", AllText(model), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Moon", AllText(model), StringComparison.Ordinal);
    }
}
