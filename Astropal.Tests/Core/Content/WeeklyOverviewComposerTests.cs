using Astropal.Core.Billing;
using Astropal.Core.Content;
using Astropal.Core.Content.Offline;
using Astropal.Core.Content.Weekly;
using Astropal.Core.Email;
using Astropal.Core.Email.Models;
using Astropal.Core.Readers;
using Astropal.Core.Sky;
using Astropal.Tests.TestSupport;
using static Astropal.Tests.Core.Content.ContentTestKit;

namespace Astropal.Tests.Core.Content;

public sealed class WeeklyOverviewComposerTests
{
    private const string Zone = "Europe/Madrid";
    private const string PlansUrl = "https://astropal.test/plans";

    // Sunday 6 to Saturday 12 December 2026: new Moon in Sagittarius on Wednesday 9 (00:52 UTC in the astro-reference).
    private static readonly DateOnly Sunday = new(2026, 12, 6);

    private static WeeklyEmailModel Write(PerspectiveId perspective, DateOnly date, string locale = "en-US", Tier tier = Tier.Basic, string? name = "Ada") =>
        Weekly.Write(name, locale, perspective, Zone, tier, date, PlansUrl, EmailSamples.Links);

    private static string AllText(WeeklyEmailModel m) => string.Join(
        "\n",
        new[] { m.Subject, m.Preheader, m.WeekLabel, m.Greeting, m.Overview }
            .Concat(m.Days.SelectMany(d => new[] { d.Day, d.Headline, d.Detail }))
            .Concat(m.KeyDates.SelectMany(k => new[] { k.Label, k.Detail })));

    [Theory]
    [MemberData(nameof(OfflineDailyComposerTests.VoicesAndLocales), MemberType = typeof(OfflineDailyComposerTests))]
    public async Task Every_voice_and_locale_composes_the_weekly_for_eight_sundays_within_the_subject_and_preheader_lengths(PerspectiveId perspective, string locale)
    {
        var reader = Reader(perspective, new TimeOnly(8, 30), locale, Tier.Free);
        for (var week = 0; week < 8; week++)
        {
            var sunday = new DateOnly(2026, 11, 29).AddDays(7 * week);
            var model = Write(perspective, sunday, locale, name: week % 2 == 0 ? "Ada" : null);
            Assert.InRange(model.Subject.Length, 10, 60);
            Assert.InRange(model.Preheader.Length, 20, 100);
            Assert.Equal(7, model.Days.Count);
            Assert.All(model.Days, d => Assert.False(string.IsNullOrWhiteSpace(d.Detail)));
            var text = AllText(model);
            Assert.All(BannedPhrases, banned => Assert.DoesNotContain(banned, text, StringComparison.OrdinalIgnoreCase));

            var email = await ReaderComposer.ComposeAsync(reader, EmailTemplate.Weekly, sunday, EmailSamples.Links, CancellationToken.None);
            Assert.Equal(EmailTemplate.Weekly, email.Template);
            Assert.InRange(email.Subject.Length, 10, 60);
            Assert.DoesNotContain("{{", email.Html, StringComparison.Ordinal);
            Assert.DoesNotContain("{{", email.Text, StringComparison.Ordinal);
            Assert.Contains(EmailSamples.UnsubscribeUrl, email.Html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_seven_days_are_the_sunday_to_saturday_of_the_week_holding_the_date()
    {
        var model = Write(PerspectiveId.Calm, Sunday);
        Assert.Equal("Week of December 6–12, 2026", model.WeekLabel);
        Assert.Equal(
            ["Sunday, Dec 6", "Monday, Dec 7", "Tuesday, Dec 8", "Wednesday, Dec 9", "Thursday, Dec 10", "Friday, Dec 11", "Saturday, Dec 12"],
            model.Days.Select(d => d.Day));
        // Asked on a Wednesday, the overview is of the week that holds it.
        Assert.Equal(AllText(model), AllText(Write(PerspectiveId.Calm, Sunday.AddDays(3))));
        Assert.Equal("Week of November 29 – December 5, 2026", Write(PerspectiveId.Calm, new DateOnly(2026, 12, 5)).WeekLabel);
        Assert.Equal("Week of December 27, 2026 – January 2, 2027", Write(PerspectiveId.Calm, new DateOnly(2026, 12, 27)).WeekLabel);
    }

    [Fact]
    public void The_key_dates_are_the_weeks_computed_phases_stations_and_ingresses_in_local_time()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(Zone);
        var from = DailySkyCalculator.LocalToUtc(Sunday, TimeOnly.MinValue, zone);
        var to = DailySkyCalculator.LocalToUtc(Sunday.AddDays(7), TimeOnly.MinValue, zone);
        var expected = new SkyEventFinder().Find(from, to).Where(e => !(e.Kind == SkyEventKind.Ingress && e.Body == Body.Moon)).ToList();

        var model = Write(PerspectiveId.Evidence, Sunday);

        Assert.Equal(
            expected.Select(e => (ContentLocale.English.DayAndTime(TimeZoneInfo.ConvertTime(e.Utc, zone)), SkyEventWords.Detail(ContentLocale.English, e))),
            model.KeyDates.Select(k => (k.Label, k.Detail)));
        // The reference's new Moon (2026-12-09 00:52 UTC) is the computed one, within two minutes.
        var newMoon = Assert.Single(expected, e => e.Kind == SkyEventKind.NewMoon);
        Assert.InRange((newMoon.Utc - new DateTimeOffset(2026, 12, 9, 0, 52, 0, TimeSpan.Zero)).Duration(), TimeSpan.Zero, TimeSpan.FromMinutes(2));
        Assert.Contains(model.KeyDates, k => k.Detail == "New Moon in Sagittarius" && k.Label.StartsWith("Wed Dec 9, 01:5", StringComparison.Ordinal));
        Assert.Contains(model.KeyDates, k => k.Detail.StartsWith("Mercury enters Sagittarius", StringComparison.Ordinal));
        Assert.Contains(model.KeyDates, k => k.Detail.StartsWith("Saturn stations direct at 7°", StringComparison.Ordinal));
    }

    [Fact]
    public void Each_days_headline_comes_from_that_days_computed_sky()
    {
        var model = Write(PerspectiveId.Knowledge, Sunday);
        for (var i = 0; i < 7; i++)
        {
            var sky = SkyCalculator.Compute(Sunday.AddDays(i), Zone);
            var headline = model.Days[i].Headline;
            if (sky.Events.Count == 0)
            {
                Assert.Equal("Moon in " + ContentLocale.English.Sign(sky.Noon[Body.Moon].Sign), headline);
            }
            else
            {
                var first = SkyEventWords.Ranked(sky.Events).First();
                Assert.StartsWith(SkyEventWords.WhatAt(ContentLocale.English, first, sky.ToLocal(first.Utc)), headline, StringComparison.Ordinal);
            }
        }

        Assert.StartsWith("New Moon in Sagittarius at 01:5", model.Days[3].Headline, StringComparison.Ordinal);
    }

    [Fact]
    public void The_moon_days_of_one_week_never_repeat_a_sentence()
    {
        foreach (var perspective in Enum.GetValues<PerspectiveId>())
        {
            for (var week = 0; week < 6; week++)
            {
                var model = Write(perspective, Sunday.AddDays(7 * week));
                Assert.Equal(7, model.Days.Select(d => d.Detail).Distinct().Count());
            }
        }
    }

    [Theory]
    [InlineData(Tier.Free, true)]
    [InlineData(Tier.Trial, false)]
    [InlineData(Tier.Basic, false)]
    [InlineData(Tier.Pro, false)]
    public void Only_the_free_tier_gets_the_upgrade_block(Tier tier, bool upgrade)
    {
        var model = Write(PerspectiveId.Success, Sunday, tier: tier);
        Assert.Equal(upgrade, model.Upgrade is not null);
        if (model.Upgrade is { } block)
        {
            Assert.Equal(PlansUrl, block.Url);
            Assert.Equal(PhraseLibrary.Shared(ContentLocale.English).UpgradeHeadline, block.Headline);
            Assert.Contains(block.Headline, Renderer.Render(model).Html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Calm_and_evidence_read_differently_in_the_same_week()
    {
        foreach (var locale in new[] { "en-US", "es-ES" })
        {
            var calm = Write(PerspectiveId.Calm, Sunday, locale);
            var evidence = Write(PerspectiveId.Evidence, Sunday, locale);
            Assert.NotEqual(calm.Overview, evidence.Overview);
            Assert.NotEqual(calm.Subject, evidence.Subject);
            Assert.All(Enumerable.Range(0, 7), i => Assert.NotEqual(calm.Days[i].Detail, evidence.Days[i].Detail));
            Assert.Equal(calm.KeyDates, evidence.KeyDates);
            Assert.InRange(VoiceSimilarity.Jaccard(string.Join(" ", calm.Days.Select(d => d.Detail)), string.Join(" ", evidence.Days.Select(d => d.Detail))), 0, 0.25);
        }
    }

    [Fact]
    public void The_spanish_weekly_has_spanish_day_and_month_names()
    {
        var model = Write(PerspectiveId.Knowledge, Sunday, "es-ES", Tier.Free);
        Assert.Equal("Semana del 6 al 12 de diciembre de 2026", model.WeekLabel);
        Assert.Equal(["Domingo 6 dic", "Lunes 7 dic", "Martes 8 dic", "Miércoles 9 dic", "Jueves 10 dic", "Viernes 11 dic", "Sábado 12 dic"], model.Days.Select(d => d.Day));
        Assert.Contains(model.KeyDates, k => k.Detail == "Luna nueva en Sagitario");
        Assert.StartsWith("Luna nueva en Sagitario a las 01:5", model.Days[3].Headline, StringComparison.Ordinal);
        Assert.Equal("Ver los planes", model.Upgrade!.ButtonLabel);
        Assert.DoesNotContain(" the ", AllText(model), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(
            "Semana del 29 de noviembre al 5 de diciembre de 2026",
            Write(PerspectiveId.Knowledge, new DateOnly(2026, 11, 29), "es-ES").WeekLabel);
    }
}
