using System.Globalization;
using Astropal.Core.Billing;
using Astropal.Core.Content.Offline;
using Astropal.Core.Email;
using Astropal.Core.Email.Models;
using Astropal.Core.Readers;
using Astropal.Core.Sky;

namespace Astropal.Core.Content.Weekly;

/// <summary>
/// The Sunday overview (SPEC §5: every tier, Sunday 08:00): the week from Sunday to Saturday in the reader's zone,
/// each day with a headline from its computed sky (its lunar phase, stations, ingresses, else the Moon's sign at
/// local noon) and a sentence in the voice; the week's lunar phases, stations and planet ingresses as key dates
/// with their local day and time; the free tier's upgrade block. Written from the weekly phrase libraries, no network.
/// </summary>
/// <remarks>Composed for any date, the overview covers the Sunday–Saturday week that holds it (delivery asks on Sundays).</remarks>
public sealed class WeeklyOverviewComposer(DailySkyCalculator skyCalculator, EmailTemplateRenderer renderer)
{
    public RenderedEmail Compose(Reader reader, DateOnly localDate, EmailLinks links, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var model = Write(reader.Name, reader.Locale, reader.Perspective, reader.TimeZone, reader.Tier, localDate, renderer.Brand.SiteUrl.TrimEnd('/') + "/plans", links, cancellationToken);
        return renderer.Render(model, reader.Locale);
    }

    /// <summary>The Sunday that starts the week holding <paramref name="localDate"/>.</summary>
    public static DateOnly WeekStart(DateOnly localDate) => localDate.AddDays(-(int)localDate.DayOfWeek);

    /// <summary>The overview's model for a voice, zone and tier, for the week holding <paramref name="localDate"/>.</summary>
    public WeeklyEmailModel Write(
        string? name,
        string localeName,
        PerspectiveId perspective,
        string timeZoneId,
        Tier tier,
        DateOnly localDate,
        string plansUrl,
        EmailLinks links,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(links);
        var locale = ContentLocale.Get(localeName);
        var sunday = WeekStart(localDate);
        var days = Enumerable.Range(0, 7).Select(i => skyCalculator.Compute(sunday.AddDays(i), timeZoneId, cancellationToken)).ToList();
        cancellationToken.ThrowIfCancellationRequested();
        var voice = WeeklyPhrases.Voice(locale, perspective);
        var picker = new PhrasePicker(sunday, perspective, locale.Name);
        var keyEvents = days.SelectMany(d => d.Events).Where(e => SkyEventWords.Rank(e) < 3).OrderBy(e => e.Utc).ToList();

        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["moonFirst"] = locale.Sign(days[0].Noon[Body.Moon].Sign),
            ["moonLast"] = locale.Sign(days[6].Noon[Body.Moon].Sign),
            ["retroCount"] = days[0].Retrogrades.Count.ToString(CultureInfo.InvariantCulture),
        };
        if (!string.IsNullOrWhiteSpace(name))
        {
            values["name"] = name.Trim();
        }

        if (keyEvents.Count > 0)
        {
            var key = SkyEventWords.Ranked(keyEvents).First();
            var keyDay = days.First(d => d.Events.Contains(key));
            values["keyShort"] = SkyEventWords.What(locale, key);
            values["keyEvent"] = WeeklyPhrases.OnDay(locale, SkyEventWords.What(locale, key), locale.Weekday(keyDay.LocalDate));
            values["eventCount"] = keyEvents.Count.ToString(CultureInfo.InvariantCulture);
        }

        var picked = new Dictionary<WeekDayKind, int>();
        var headlines = new HashSet<string>(StringComparer.Ordinal);
        var weekDays = days.Select(d =>
        {
            var kind = KindOf(d);
            var occurrence = picked.GetValueOrDefault(kind);
            picked[kind] = occurrence + 1;
            return Day(locale, voice, picker, kind, occurrence, d, headlines);
        }).ToList();
        var keyDates = keyEvents
            .Select(e => new LabelledFact(locale.DayAndTime(days[0].ToLocal(e.Utc)), SkyEventWords.Detail(locale, e)))
            .ToList();
        var upgrade = tier == Tier.Free ? Upgrade(locale, plansUrl) : null;

        return new WeeklyEmailModel(
            picker.Fit("weekly:subject", voice.Subjects, values, 10, 60),
            picker.Fit("weekly:preheader", voice.Preheaders, values, 20, 100),
            locale.WeekLabel(sunday, sunday.AddDays(6)),
            locale.Perspective(perspective),
            picker.Slot("weekly:greeting", values.ContainsKey("name") ? voice.GreetingsNamed : voice.GreetingsAnonymous, values),
            picker.Slot("weekly:overview", voice.Overviews, values),
            weekDays,
            keyDates,
            upgrade,
            links);
    }

    /// <summary>What the day is remembered for: its most telling event other than the Moon changing sign.</summary>
    private static WeekDayKind KindOf(DailySky sky) => SkyEventWords.Ranked(sky.Events).FirstOrDefault(e => SkyEventWords.Rank(e) < 3) switch
    {
        null => WeekDayKind.Moon,
        { Kind: SkyEventKind.NewMoon or SkyEventKind.FullMoon } => WeekDayKind.Lunation,
        { Kind: SkyEventKind.FirstQuarter or SkyEventKind.LastQuarter } => WeekDayKind.Quarter,
        { Kind: SkyEventKind.StationRetrograde or SkyEventKind.StationDirect } => WeekDayKind.Station,
        _ => WeekDayKind.Ingress,
    };

    private static WeekDay Day(ContentLocale locale, WeeklyVoice voice, PhrasePicker picker, WeekDayKind kind, int occurrence, DailySky sky, HashSet<string> headlines)
    {
        var ranked = SkyEventWords.Ranked(sky.Events).ToList();
        var headline = ranked.Count == 0
            ? WeeklyPhrases.MoonIn(locale, locale.Sign(sky.Noon[Body.Moon].Sign))
            : string.Join(" · ", ranked.Take(2).Select(e => SkyEventWords.WhatAt(locale, e, sky.ToLocal(e.Utc))));

        // A second quiet day with the Moon in the same sign says it is still there, rather than the same headline again.
        if (!headlines.Add(headline) && ranked.Count == 0)
        {
            headline = WeeklyPhrases.MoonStillIn(locale, locale.Sign(sky.Noon[Body.Moon].Sign));
            headlines.Add(headline);
        }

        // On a day the Moon changes sign, the headline says when; the sentence speaks of the sign it enters.
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["weekday"] = locale.Weekday(sky.LocalDate),
            ["moonSign"] = locale.Sign(sky.MoonIngress?.Sign ?? sky.Noon[Body.Moon].Sign),
        };
        if (ranked.FirstOrDefault(e => SkyEventWords.Rank(e) < 3) is { } lead)
        {
            values["sign"] = locale.Sign(lead.Sign);
            values["body"] = SkyEventWords.TheBody(locale, lead.Body);
            values["ofBody"] = SkyEventWords.OfBody(locale, lead.Body);
            values["motion"] = WeeklyPhrases.Motion(locale, lead.Kind == SkyEventKind.StationRetrograde);
            if (SkyEventWords.PhaseOf(lead.Kind) is { } phase)
            {
                values["phase"] = locale.Phase(phase);
            }
        }

        // Days of one kind in a week take consecutive variants, so a week never repeats a sentence; from one week to
        // the next the start moves on (by the Sunday's day number: 7 mod 3 and 7 mod 4 move; the Moon's 7 move by the week's number).
        var offset = occurrence + (kind == WeekDayKind.Moon ? sky.LocalDate.AddDays(-(int)sky.LocalDate.DayOfWeek).DayNumber / 7 : 0);
        var detail = picker.Slot("weekly:day:" + kind, voice.DayDetails[kind], values, offset);
        return new WeekDay(PhraseTemplate.Capitalize(locale.WeekdayLabel(sky.LocalDate)), headline, detail);
    }

    private static UpgradeBlock Upgrade(ContentLocale locale, string plansUrl)
    {
        var shared = PhraseLibrary.Shared(locale);
        return new UpgradeBlock(shared.UpgradeHeadline, shared.UpgradeText, shared.UpgradeButton, plansUrl);
    }
}
