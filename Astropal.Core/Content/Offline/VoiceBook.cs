using System.Text.Json.Serialization;
using Astropal.Core.Content.Phrases;
using Astropal.Core.Readers;
using Astropal.Core.Sky;

namespace Astropal.Core.Content.Offline;

/// <summary>How a transit feels in astrological tradition: easy, demanding or fused.</summary>
public enum TransitFamily
{
    Flow,
    Tension,
    Fusion,
}

/// <summary>The headings of a voice's four sections (SPEC §3), as the daily email titles them.</summary>
public sealed record SectionHeadings(string Lead, string Transits, string Focus, string Practice);

/// <summary>
/// The daily phrase library of one voice in one locale (a voice of <c>Content/Phrases/{locale}/daily.json</c>).
/// Every slot holds several variants; the composer picks one per day from a seed so that the same day always
/// reads the same and the next day differs. Placeholders in braces are filled from the computed sky and the
/// reader's chart (docs/content-editing.md lists them).
/// </summary>
public sealed record VoiceBook(
    SectionHeadings SectionHeadings,
    IReadOnlyList<string> Subjects,
    IReadOnlyList<string> Preheaders,
    IReadOnlyList<string> GreetingsNamed,
    IReadOnlyList<string> GreetingsAnonymous,
    IReadOnlyList<string> Leads,
    IReadOnlyDictionary<TransitFamily, IReadOnlyList<string>> TransitTitles,
    IReadOnlyDictionary<TransitFamily, IReadOnlyList<string>> TransitMeanings,
    IReadOnlyList<string> FocusGuidance,
    string PracticeTitle,
    IReadOnlyList<string> Practices,
    IReadOnlyList<string> Snippets,
    IReadOnlyList<string> NoTransits)
{
    /// <summary>The section headings in the order of the email: lead, transits, focus, practice.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Sections => [SectionHeadings.Lead, SectionHeadings.Transits, SectionHeadings.Focus, SectionHeadings.Practice];
}

/// <summary>Per-locale words shared by every voice: focus-area themes and the knowledge voice's myths.</summary>
public sealed record LocaleBook(
    IReadOnlyDictionary<FocusAreaId, string> Themes,
    IReadOnlyDictionary<Body, string> Myths,
    string NoExactTime,
    string MoonLabel,
    string MoonDetail,
    string Enters,
    string EntersRetrograde,
    string StationsRetrograde,
    string StationsDirect,
    string PhaseExact,
    string RetrogradeLabel,
    string NoRetrogrades,
    string ExactTodayLabel,
    string ExactAt,
    string UpgradeHeadline,
    string UpgradeText,
    string UpgradeButton);

/// <summary>The daily phrase libraries of every voice and locale, read from the embedded <c>daily.json</c> files.</summary>
public static class PhraseLibrary
{
    public static VoiceBook Voice(ContentLocale locale, PerspectiveId perspective) =>
        PhraseFiles.Load<LocaleBook, VoiceBook>(locale, PhraseFiles.Daily).Voices[perspective];

    public static LocaleBook Shared(ContentLocale locale) =>
        PhraseFiles.Load<LocaleBook, VoiceBook>(locale, PhraseFiles.Daily).Shared;

    /// <summary>The family of an aspect: trine and sextile flow, square and opposition demand, conjunction fuses.</summary>
    public static TransitFamily FamilyOf(AspectType type) => type switch
    {
        AspectType.Trine or AspectType.Sextile => TransitFamily.Flow,
        AspectType.Square or AspectType.Opposition => TransitFamily.Tension,
        _ => TransitFamily.Fusion,
    };
}
