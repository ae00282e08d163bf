using Astropal.Core.Sky;

namespace Astropal.Core.Content.Offline;

/// <summary>
/// A computed sky event in a few words, headline style ("Full Moon in Cancer", "Mercurio entra en Sagitario",
/// "Saturn stations direct"): the evening's tomorrow line and the weekly overview's days and key dates.
/// </summary>
internal static class SkyEventWords
{
    /// <summary>The principal phase of a lunar-phase event, or null for ingresses and stations.</summary>
    public static MoonPhaseName? PhaseOf(SkyEventKind kind) => kind switch
    {
        SkyEventKind.NewMoon => MoonPhaseName.NewMoon,
        SkyEventKind.FirstQuarter => MoonPhaseName.FirstQuarter,
        SkyEventKind.FullMoon => MoonPhaseName.FullMoon,
        SkyEventKind.LastQuarter => MoonPhaseName.LastQuarter,
        _ => null,
    };

    /// <summary>How much an event says about a day: lunar phases, then stations, planets changing sign, the Moon changing sign.</summary>
    public static int Rank(SkyEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Kind switch
        {
            SkyEventKind.Ingress => e.Body == Body.Moon ? 3 : 2,
            SkyEventKind.StationRetrograde or SkyEventKind.StationDirect => 1,
            _ => 0,
        };
    }

    /// <summary>The events of a day that make its headline: by <see cref="Rank"/>, then time.</summary>
    public static IEnumerable<SkyEvent> Ranked(IEnumerable<SkyEvent> events) => events.OrderBy(Rank).ThenBy(e => e.Utc);

    /// <summary>A body in running text: <c>the Sun</c>, <c>la Luna</c>, <c>Mars</c>.</summary>
    public static string TheBody(ContentLocale locale, Body body)
    {
        ArgumentNullException.ThrowIfNull(locale);
        return (body, locale.IsSpanish) switch
        {
            (Body.Sun, false) or (Body.Moon, false) => "the " + locale.Body(body),
            (Body.Sun, true) => "el Sol",
            (Body.Moon, true) => "la Luna",
            _ => locale.Body(body),
        };
    }

    /// <summary>Spanish "of" a body: <c>del Sol</c>, <c>de la Luna</c>, <c>de Marte</c>.</summary>
    public static string OfBody(ContentLocale locale, Body body)
    {
        ArgumentNullException.ThrowIfNull(locale);
        return body == Body.Sun && locale.IsSpanish ? "del Sol" : (locale.IsSpanish ? "de " : "of ") + TheBody(locale, body);
    }

    /// <summary>The event without its time, e.g. <c>Full Moon in Cancer</c>, <c>Venus moves back into Libra</c>, <c>El Sol entra en Capricornio</c>.</summary>
    public static string What(ContentLocale locale, SkyEvent e)
    {
        ArgumentNullException.ThrowIfNull(locale);
        ArgumentNullException.ThrowIfNull(e);
        // English almanac style names the body bare ("Sun enters Capricorn"); Spanish puts the article before the Sun and the Moon.
        var body = PhraseTemplate.Capitalize(locale.IsSpanish ? TheBody(locale, e.Body) : locale.Body(e.Body));
        var sign = locale.Sign(e.Sign);
        if (PhaseOf(e.Kind) is { } phase)
        {
            return PhraseTemplate.Capitalize(locale.Phase(phase)) + (locale.IsSpanish ? " en " : " in ") + sign;
        }

        return (e.Kind, e.IsRetrograde, locale.IsSpanish) switch
        {
            (SkyEventKind.Ingress, false, false) => $"{body} enters {sign}",
            (SkyEventKind.Ingress, true, false) => $"{body} moves back into {sign}",
            (SkyEventKind.Ingress, false, true) => $"{body} entra en {sign}",
            (SkyEventKind.Ingress, true, true) => $"{body} retrocede a {sign}",
            (SkyEventKind.StationRetrograde, _, false) => $"{body} stations retrograde",
            (SkyEventKind.StationDirect, _, false) => $"{body} stations direct",
            (SkyEventKind.StationRetrograde, _, true) => $"{body} se estaciona retrógrado",
            _ => $"{body} se estaciona directo",
        };
    }

    /// <summary>As <see cref="What"/>, with a station's longitude (<c>Saturn stations direct at 7°56′ Aries</c>).</summary>
    public static string Detail(ContentLocale locale, SkyEvent e)
    {
        ArgumentNullException.ThrowIfNull(locale);
        ArgumentNullException.ThrowIfNull(e);
        var what = What(locale, e);
        return e.Kind is SkyEventKind.StationRetrograde or SkyEventKind.StationDirect
            ? what + (locale.IsSpanish ? " en " : " at ") + locale.Longitude(e.Longitude)
            : what;
    }

    /// <summary>As <see cref="What"/>, with the local time (<c>Moon enters Leo at 14:20</c>, <c>Luna entra en Leo a las 14:20</c>).</summary>
    public static string WhatAt(ContentLocale locale, SkyEvent e, DateTimeOffset local)
    {
        ArgumentNullException.ThrowIfNull(locale);
        return What(locale, e) + (locale.IsSpanish ? " a las " : " at ") + locale.Time(local);
    }
}
