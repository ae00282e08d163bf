using Astropal.Core.Content.Offline;
using Astropal.Core.Content.Phrases;
using Astropal.Core.Readers;

namespace Astropal.Core.Content.Evening;

/// <summary>
/// The evening reflection's phrase library of one voice in one locale (a voice of <c>Content/Phrases/{locale}/evening.json</c>). Placeholders: <c>{name}</c>,
/// <c>{moonSign}</c>, <c>{phase}</c>, <c>{illum}</c>, <c>{retroCount}</c> (the day's sky at local noon);
/// <c>{fromSign}</c>, <c>{toSign}</c>, <c>{moonTime}</c> (only on a day the Moon changes sign); <c>{aspect}</c>
/// (e.g. "Mars square your natal Saturn", "the Moon trine your natal Venus"), <c>{body}</c> (the bare name, as in
/// "Moon transit"), <c>{theBody}</c> ("the Moon", "Mars"), <c>{ofBody}</c> (Spanish "del Sol", "de Marte"),
/// <c>{orb}</c> (only with a transit); <c>{theme}</c>
/// (the reader's first focus area). A variant whose placeholder has no value that day is passed over.
/// </summary>
/// <param name="Subjects">10–60 characters once filled.</param>
/// <param name="Preheaders">20–100 characters once filled.</param>
/// <param name="GreetingsNamed">Greeting with <c>{name}</c>.</param>
/// <param name="GreetingsAnonymous">Greeting without a name.</param>
/// <param name="MoonReflections">The reflection's opening: the day's Moon.</param>
/// <param name="MoonChanged">Follows the opening on a day the Moon changes sign.</param>
/// <param name="TransitReflections">The reader's strongest transit of the day, per family.</param>
/// <param name="NoTransit">Instead, on a day without one.</param>
/// <param name="Questions">Reflection questions; two are asked, three on a day without a transit.</param>
/// <param name="TransitQuestions">The third question on a day with a transit.</param>
/// <param name="TomorrowTails">The voice's few words after tomorrow's computed events.</param>
internal sealed record EveningVoice(
    IReadOnlyList<string> Subjects,
    IReadOnlyList<string> Preheaders,
    IReadOnlyList<string> GreetingsNamed,
    IReadOnlyList<string> GreetingsAnonymous,
    IReadOnlyList<string> MoonReflections,
    IReadOnlyList<string> MoonChanged,
    IReadOnlyDictionary<TransitFamily, IReadOnlyList<string>> TransitReflections,
    IReadOnlyList<string> NoTransit,
    IReadOnlyList<string> Questions,
    IReadOnlyList<string> TransitQuestions,
    IReadOnlyList<string> TomorrowTails);

/// <summary>Sentences of the evening reflection shared by every voice of a locale (<c>{events}</c>, <c>{sign}</c>, <c>{illum}</c>).</summary>
/// <param name="AlsoToday">The day's lunar phase, stations and planet ingresses, after the Moon.</param>
/// <param name="Tomorrow">Tomorrow's computed events (the template heads them "Tomorrow's sky").</param>
/// <param name="TomorrowQuiet">Tomorrow without events: the Moon's sign at local noon.</param>
internal sealed record EveningShared(string AlsoToday, string Tomorrow, string TomorrowQuiet);

/// <summary>The evening phrase libraries of every voice and locale, read from the embedded <c>evening.json</c> files.</summary>
internal static class EveningPhrases
{
    public static EveningVoice Voice(ContentLocale locale, PerspectiveId perspective) =>
        PhraseFiles.Load<EveningShared, EveningVoice>(locale, PhraseFiles.Evening).Voices[perspective];

    public static EveningShared Shared(ContentLocale locale) =>
        PhraseFiles.Load<EveningShared, EveningVoice>(locale, PhraseFiles.Evening).Shared;
}
