using System.Globalization;
using Astropal.Core.Billing;
using Astropal.Core.Readers;
using Astropal.Core.Sky;

namespace Astropal.Core.Content;

/// <summary>
/// What one shared segment is written for (SPEC §7): a local date, a locale, a voice, a tier and the sign
/// or focus area it speaks about. Readers who share a key share the text; their own transits are added per reader.
/// </summary>
public sealed record SegmentKey(DateOnly LocalDate, string Locale, PerspectiveId Perspective, Tier Tier, string SubjectKey)
{
    private const string SignPrefix = "sign:";
    private const string FocusPrefix = "focus:";

    /// <summary>The key as logged and stored on <see cref="LlmCall.SegmentKey"/>, e.g. <c>2026-12-01/en-US/calm/basic/sign:gemini</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{LocalDate:yyyy-MM-dd}/{Locale}/{Readers.Perspective.Get(Perspective).Slug}/{Tier.ToString().ToLowerInvariant()}/{SubjectKey}");

    /// <summary>The Sun sign this segment speaks about, when it is a sign segment.</summary>
    public ZodiacSign? Sign => SubjectKey.StartsWith(SignPrefix, StringComparison.Ordinal)
        && Enum.TryParse<ZodiacSign>(SubjectKey[SignPrefix.Length..], ignoreCase: true, out var sign) ? sign : null;

    /// <summary>The focus area this segment speaks about, when it is a focus segment.</summary>
    public FocusAreaId? FocusArea => SubjectKey.StartsWith(FocusPrefix, StringComparison.Ordinal)
        && Readers.FocusArea.TryParse(SubjectKey[FocusPrefix.Length..], out var area) ? area.Id : null;

    public static string SignSubject(ZodiacSign sign) => SignPrefix + sign.ToString().ToLowerInvariant();

    public static string FocusSubject(FocusAreaId area) => FocusPrefix + Readers.FocusArea.Get(area).Slug;

    /// <summary>Trial readers get every Basic feature, so they share the Basic segments.</summary>
    public static Tier SegmentTier(Tier tier) => tier == Tier.Trial ? Tier.Basic : tier;

    /// <summary>The segment of the reader's Sun sign for a local date.</summary>
    public static SegmentKey ForSign(DateOnly date, string locale, PerspectiveId perspective, Tier tier, ZodiacSign sunSign) =>
        new(date, ContentLocale.Get(locale).Name, perspective, SegmentTier(tier), SignSubject(sunSign));

    /// <summary>The segment of one focus area for a local date.</summary>
    public static SegmentKey ForFocus(DateOnly date, string locale, PerspectiveId perspective, Tier tier, FocusAreaId area) =>
        new(date, ContentLocale.Get(locale).Name, perspective, SegmentTier(tier), FocusSubject(area));

    /// <summary>Every segment a reader with these preferences needs on a local date: the Sun sign first, then each focus area (1–3).</summary>
    public static IReadOnlyList<SegmentKey> ForReader(DateOnly date, string locale, PerspectiveId perspective, Tier tier, ZodiacSign sunSign, IEnumerable<FocusAreaId> focusAreas)
    {
        ArgumentNullException.ThrowIfNull(focusAreas);
        var keys = new List<SegmentKey> { ForSign(date, locale, perspective, tier, sunSign) };
        keys.AddRange(focusAreas.Distinct().Take(3).Select(a => ForFocus(date, locale, perspective, tier, a)));
        return keys;
    }
}
