using Astropal.Core.Content.Phrases;
using Astropal.Core.Readers;

namespace Astropal.Core.Content.Weekly;

/// <summary>What a day of the week is remembered for: its most telling computed event, else the Moon's sign.</summary>
internal enum WeekDayKind
{
    /// <summary>A new or full Moon.</summary>
    Lunation,

    /// <summary>A first or last quarter.</summary>
    Quarter,

    /// <summary>A planet stations retrograde or direct.</summary>
    Station,

    /// <summary>A planet (not the Moon) changes sign.</summary>
    Ingress,

    /// <summary>Nothing more than the Moon (in a sign, or changing sign).</summary>
    Moon,
}

/// <summary>
/// The weekly overview's phrase library of one voice in one locale (a voice of <c>Content/Phrases/{locale}/weekly.json</c>). Placeholders: <c>{name}</c>;
/// <c>{moonFirst}</c>, <c>{moonLast}</c> (the Moon's sign at noon on Sunday and on Saturday), <c>{retroCount}</c>
/// (retrograde planets on Sunday); <c>{keyEvent}</c> (the week's most telling event and its day) and
/// <c>{keyShort}</c> (the event alone), <c>{eventCount}</c> (the key dates), only in a week that has some. Day
/// details: <c>{weekday}</c>, <c>{moonSign}</c>; <c>{phase}</c> and <c>{sign}</c> (lunation, quarter),
/// <c>{body}</c> and <c>{motion}</c> (station), <c>{body}</c> and <c>{sign}</c> (ingress); <c>{body}</c> is written as
/// in running text ("the Sun", "el Sol", "Mars"), <c>{ofBody}</c> is Spanish "del Sol", "de Saturno".
/// </summary>
/// <param name="Subjects">10–60 characters once filled.</param>
/// <param name="Preheaders">20–100 characters once filled.</param>
/// <param name="GreetingsNamed">Greeting with <c>{name}</c>.</param>
/// <param name="GreetingsAnonymous">Greeting without a name.</param>
/// <param name="Overviews">The paragraph under the greeting.</param>
/// <param name="DayDetails">One sentence per day, by what the day is remembered for (Moon: 7 variants, so a week never repeats one).</param>
internal sealed record WeeklyVoice(
    IReadOnlyList<string> Subjects,
    IReadOnlyList<string> Preheaders,
    IReadOnlyList<string> GreetingsNamed,
    IReadOnlyList<string> GreetingsAnonymous,
    IReadOnlyList<string> Overviews,
    IReadOnlyDictionary<WeekDayKind, IReadOnlyList<string>> DayDetails);

/// <summary>Words of the weekly overview shared by every voice of a locale.</summary>
/// <param name="MoonIn">A day's headline when nothing happens but the Moon being in a sign (<c>{sign}</c>).</param>
/// <param name="MoonStillIn">The same, for the next quiet day with the Moon still in that sign (<c>{sign}</c>).</param>
/// <param name="OnDay">The week's key event with its day (<c>{event}</c>, <c>{weekday}</c>).</param>
/// <param name="Retrograde">The direction a station turns to: backwards.</param>
/// <param name="Direct">The direction a station turns to: forwards.</param>
internal sealed record WeeklyShared(string MoonIn, string MoonStillIn, string OnDay, string Retrograde, string Direct);

/// <summary>The weekly phrase libraries of every voice and locale, read from the embedded <c>weekly.json</c> files.</summary>
internal static class WeeklyPhrases
{
    public static WeeklyVoice Voice(ContentLocale locale, PerspectiveId perspective) => File(locale).Voices[perspective];

    /// <summary>A day's headline when nothing happens but the Moon being in a sign.</summary>
    public static string MoonIn(ContentLocale locale, string sign) => File(locale).Shared.MoonIn.Replace("{sign}", sign, StringComparison.Ordinal);

    /// <summary>A quiet day's headline when the day before had the same one: the Moon still in the sign.</summary>
    public static string MoonStillIn(ContentLocale locale, string sign) => File(locale).Shared.MoonStillIn.Replace("{sign}", sign, StringComparison.Ordinal);

    /// <summary>The week's key event with its day, e.g. <c>New Moon in Sagittarius on Wednesday</c>.</summary>
    public static string OnDay(ContentLocale locale, string what, string weekday) =>
        File(locale).Shared.OnDay.Replace("{event}", what, StringComparison.Ordinal).Replace("{weekday}", weekday, StringComparison.Ordinal);

    /// <summary>The direction a station turns to.</summary>
    public static string Motion(ContentLocale locale, bool retrograde) => retrograde ? File(locale).Shared.Retrograde : File(locale).Shared.Direct;

    private static PhraseFile<WeeklyShared, WeeklyVoice> File(ContentLocale locale) => PhraseFiles.Load<WeeklyShared, WeeklyVoice>(locale, PhraseFiles.Weekly);
}
