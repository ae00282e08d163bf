using Astropal.Core.Email.Models;
using Astropal.Core.Sky;

namespace Astropal.Core.Content.Offline;

/// <summary>
/// The daily email's "Today's sky": one row per body (the Moon with its phase, change of sign and exact phase; the
/// Sun; each planet that changes sign or stations), then the retrograde planets and the day's exact aspects. A body
/// with several facts gets them in one row, joined by <see cref="Separator"/>.
/// </summary>
internal static class TodaysSky
{
    public const string Separator = " · ";

    public static List<LabelledFact> Rows(ContentLocale locale, LocaleBook shared, DailySky sky)
    {
        var facts = new List<LabelledFact>();
        string Time(DateTimeOffset utc) => locale.Time(sky.ToLocal(utc));
        static string Format(string template, params (string Key, string Value)[] pairs) =>
            pairs.Aggregate(template, (text, pair) => text.Replace("{" + pair.Key + "}", pair.Value, StringComparison.Ordinal));

        var moon = Format(shared.MoonDetail, ("phase", locale.Phase(sky.Noon.Moon.Name)), ("moonSign", locale.Sign(sky.Noon[Body.Moon].Sign)), ("illum", locale.Percent(sky.Noon.Moon.IlluminatedFraction)));
        facts.Add(new(shared.MoonLabel, PhraseTemplate.Capitalize(moon)));
        if (sky.MoonIngress is { } moonIngress)
        {
            facts.Add(new(shared.MoonLabel, Format(shared.Enters, ("sign", locale.Sign(moonIngress.Sign)), ("time", Time(moonIngress.Utc)))));
        }

        if (sky.LunarPhase is { } phase && SkyEventWords.PhaseOf(phase.Kind) is { } name)
        {
            facts.Add(new(shared.MoonLabel, PhraseTemplate.Capitalize(Format(shared.PhaseExact, ("phase", locale.Phase(name)), ("time", Time(phase.Utc))))));
        }

        facts.Add(new(locale.Body(Body.Sun), locale.Longitude(sky.Noon[Body.Sun].Longitude)));
        foreach (var ingress in sky.Ingresses)
        {
            var template = ingress.IsRetrograde ? shared.EntersRetrograde : shared.Enters;
            facts.Add(new(locale.Body(ingress.Body), Format(template, ("sign", locale.Sign(ingress.Sign)), ("time", Time(ingress.Utc)))));
        }

        foreach (var station in sky.Stations)
        {
            var template = station.Kind == SkyEventKind.StationRetrograde ? shared.StationsRetrograde : shared.StationsDirect;
            facts.Add(new(locale.Body(station.Body), Format(template, ("lon", locale.Longitude(station.Longitude)), ("time", Time(station.Utc)))));
        }

        var retrogrades = sky.Retrogrades;
        facts.Add(new(
            shared.RetrogradeLabel,
            retrogrades.Count == 0
                ? shared.NoRetrogrades
                : string.Join(", ", retrogrades.Select(b => $"{locale.Body(b)} {locale.Longitude(sky.Noon[b].Longitude)}"))));

        foreach (var aspect in sky.ExactAspects.Take(4))
        {
            facts.Add(new(shared.ExactTodayLabel, Format(
                shared.ExactAt,
                ("first", locale.Point(aspect.First)),
                ("aspect", locale.Aspect(aspect.Type)),
                ("second", locale.Point(aspect.Second)),
                ("time", Time(aspect.ExactUtc!.Value)))));
        }

        return facts
            .GroupBy(f => f.Label, StringComparer.Ordinal)
            .Select(g => new LabelledFact(g.Key, string.Join(Separator, g.Select(f => f.Detail))))
            .ToList();
    }
}
