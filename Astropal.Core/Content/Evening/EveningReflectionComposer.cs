using System.Globalization;
using Astropal.Core.Content.Offline;
using Astropal.Core.Email;
using Astropal.Core.Email.Models;
using Astropal.Core.Sky;

namespace Astropal.Core.Content.Evening;

/// <summary>
/// The evening reflection (SPEC §5: basic, pro and trial, 19:00): the reader's local day looked back on through
/// its computed sky (the Moon's sign, phase and illumination at local noon, the Moon's change of sign, the day's
/// lunar phase, stations and ingresses) and the reader's strongest transit of the day (the first one the daily
/// email shows, with its aspect and orb); two or three questions in the voice; and tomorrow's computed events.
/// Written from the evening phrase libraries, no network: variants are picked per (date, voice, slot).
/// </summary>
public sealed class EveningReflectionComposer(DailySkyCalculator skyCalculator, TransitFinder transitFinder, EmailTemplateRenderer renderer)
{
    /// <summary>Questions asked each evening.</summary>
    public const int QuestionCount = 3;

    public RenderedEmail Compose(DailyContentRequest request, EmailLinks links, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return renderer.Render(Write(request, links, cancellationToken), request.Locale);
    }

    /// <summary>The reflection's model for a reader's request (chart, voice, focus areas, zone and local date).</summary>
    public EveningEmailModel Write(DailyContentRequest request, EmailLinks links, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(links);
        var locale = ContentLocale.Get(request.Locale);
        var sky = skyCalculator.Compute(request.LocalDate, request.TimeZoneId, cancellationToken);
        var tomorrow = skyCalculator.Compute(request.LocalDate.AddDays(1), request.TimeZoneId, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var transit = StrongestTransit(request, sky);
        var voice = EveningPhrases.Voice(locale, request.Perspective);
        var shared = EveningPhrases.Shared(locale);
        var picker = new PhrasePicker(request.LocalDate, request.Perspective, locale.Name);
        var values = Values(request, locale, sky, transit);

        var reflection = new List<string> { picker.Slot("evening:moon", voice.MoonReflections, values) };
        if (sky.MoonIngress is not null)
        {
            reflection.Add(picker.Slot("evening:moon-changed", voice.MoonChanged, values));
        }

        var today = SkyEventWords.Ranked(sky.Events.Where(e => SkyEventWords.Rank(e) < 3))
            .Select(e => SkyEventWords.WhatAt(locale, e, sky.ToLocal(e.Utc)))
            .ToList();
        if (today.Count > 0)
        {
            reflection.Add(Fill(shared.AlsoToday, ("events", string.Join("; ", today))));
            picker.Remember(reflection[^1]);
        }

        reflection.Add(transit is null
            ? picker.Slot("evening:no-transit", voice.NoTransit, values)
            : picker.Slot("evening:transit:" + PhraseLibrary.FamilyOf(transit.Aspect.Type), voice.TransitReflections[PhraseLibrary.FamilyOf(transit.Aspect.Type)], values));

        var questions = picker.Several("evening:question", voice.Questions, values, transit is null ? QuestionCount : QuestionCount - 1).ToList();
        if (transit is not null)
        {
            questions.Add(picker.Slot("evening:transit-question", voice.TransitQuestions, values));
        }

        var dateLabel = locale.DateLabel(request.LocalDate);
        var tomorrowLine = Tomorrow(locale, tomorrow, shared);
        picker.Remember(tomorrowLine);
        return new EveningEmailModel(
            picker.Fit("evening:subject", voice.Subjects, values, 10, 60),
            picker.Fit("evening:preheader", voice.Preheaders, values, 20, 100),
            PhraseTemplate.Capitalize(dateLabel),
            locale.Perspective(request.Perspective),
            picker.Slot("evening:greeting", values.ContainsKey("name") ? voice.GreetingsNamed : voice.GreetingsAnonymous, values),
            string.Join(" ", reflection),
            questions,
            tomorrowLine + " " + picker.Slot("evening:tomorrow", voice.TomorrowTails, values),
            links);
    }

    /// <summary>The transit the daily email puts first: the strongest after focus weighting, in the day's noon sky.</summary>
    private Transit? StrongestTransit(DailyContentRequest request, DailySky sky)
    {
        var all = transitFinder.Find(request.Natal, sky.Noon, exactInstants: false);
        var chosen = FocusRanking.Select(all, request.FocusAreas, request.Natal, 1);
        return chosen.Count > 0 ? chosen[0] : null;
    }

    private static Dictionary<string, string> Values(DailyContentRequest request, ContentLocale locale, DailySky sky, Transit? transit)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["moonSign"] = locale.Sign(sky.Noon[Body.Moon].Sign),
            ["phase"] = locale.Phase(sky.Noon.Moon.Name),
            ["illum"] = locale.Percent(sky.Noon.Moon.IlluminatedFraction),
            ["retroCount"] = sky.Retrogrades.Count.ToString(CultureInfo.InvariantCulture),
        };
        if (!string.IsNullOrWhiteSpace(request.Name))
        {
            values["name"] = request.Name.Trim();
        }

        if (request.FocusAreas.Count > 0)
        {
            values["theme"] = PhraseLibrary.Shared(locale).Themes[request.FocusAreas[0]];
        }

        if (sky.MoonIngress is { } ingress)
        {
            // The Moon never moves backwards: it enters a sign from the one before.
            values["fromSign"] = locale.Sign(ingress.Sign.Previous());
            values["toSign"] = locale.Sign(ingress.Sign);
            values["moonTime"] = locale.Time(sky.ToLocal(ingress.Utc));
        }

        if (transit is not null)
        {
            var body = SkyEventWords.TheBody(locale, transit.TransitingBody);
            var point = locale.Point(transit.NatalPoint);
            values["body"] = locale.Body(transit.TransitingBody);
            values["theBody"] = body;
            values["ofBody"] = SkyEventWords.OfBody(locale, transit.TransitingBody);
            values["orb"] = ContentLocale.Orb(transit.Aspect.Orb);
            values["aspect"] = locale.IsSpanish
                ? $"{body} {locale.Aspect(transit.Aspect.Type)} tu {point} natal"
                : $"{body} {locale.Aspect(transit.Aspect.Type)} your natal {point}";
        }

        return values;
    }

    private static string Tomorrow(ContentLocale locale, DailySky tomorrow, EveningShared shared)
    {
        var events = SkyEventWords.Ranked(tomorrow.Events).Take(3)
            .Select(e => SkyEventWords.WhatAt(locale, e, tomorrow.ToLocal(e.Utc)))
            .ToList();
        return events.Count > 0
            ? Fill(shared.Tomorrow, ("events", string.Join("; ", events)))
            : Fill(shared.TomorrowQuiet, ("sign", locale.Sign(tomorrow.Noon[Body.Moon].Sign)), ("illum", locale.Percent(tomorrow.Noon.Moon.IlluminatedFraction)));
    }

    private static string Fill(string template, params (string Key, string Value)[] pairs) =>
        PhraseTemplate.Fill(template, pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal))
        ?? throw new InvalidOperationException($"The shared evening text '{template}' has a placeholder with no value.");
}
