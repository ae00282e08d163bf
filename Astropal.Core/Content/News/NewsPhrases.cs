using Astropal.Core.Content.Phrases;
using Astropal.Core.Readers;

namespace Astropal.Core.Content.News;

/// <summary>
/// The words one voice puts around headlines (a voice of <c>Content/Phrases/{locale}/news.json</c>). Placeholders: <c>{topic}</c> (the headline's category),
/// <c>{moonSign}</c>, <c>{phase}</c>, <c>{name}</c>. Takes never retell the headline: they say how this
/// voice reads news, so the distinctness figures measure the voice, not the day's stories.
/// </summary>
/// <param name="DailyTitle">Heading of the news block of the daily email (knowledge and evidence voices).</param>
/// <param name="Takes">A note beside one headline (6 variants).</param>
/// <param name="MiddaySubjects">Subject of the midday digest (10–60 characters once filled).</param>
/// <param name="MiddayPreheaders">Preheader of the midday digest (20–100 characters once filled).</param>
/// <param name="MiddayGreetingsNamed">Greeting with <c>{name}</c>.</param>
/// <param name="MiddayGreetingsAnonymous">Greeting without a name.</param>
/// <param name="MiddayIntros">The paragraph before the headlines.</param>
internal sealed record NewsVoice(
    string DailyTitle,
    IReadOnlyList<string> Takes,
    IReadOnlyList<string> MiddaySubjects,
    IReadOnlyList<string> MiddayPreheaders,
    IReadOnlyList<string> MiddayGreetingsNamed,
    IReadOnlyList<string> MiddayGreetingsAnonymous,
    IReadOnlyList<string> MiddayIntros);

/// <summary>Words of the news blocks shared by every voice of a locale.</summary>
/// <param name="Topics">A headline's category as a noun in running text ("this science story"), by category; <c>other</c> for the rest.</param>
internal sealed record NewsShared(IReadOnlyDictionary<string, string> Topics);

/// <summary>The news phrase libraries of every voice and locale, read from the embedded <c>news.json</c> files.</summary>
internal static class NewsPhrases
{
    public static NewsVoice Voice(ContentLocale locale, PerspectiveId perspective) => File(locale).Voices[perspective];

    /// <summary>The category as a noun in running text ("this science story").</summary>
    public static string Topic(ContentLocale locale, string category)
    {
        var topics = File(locale).Shared.Topics;
        return topics.TryGetValue(category, out var topic) ? topic : topics["other"];
    }

    private static PhraseFile<NewsShared, NewsVoice> File(ContentLocale locale) => PhraseFiles.Load<NewsShared, NewsVoice>(locale, PhraseFiles.News);
}
