using System.Globalization;
using Astropal.Core.Billing;
using Astropal.Core.Readers;

namespace Astropal.Core.Content;

/// <summary>The key that ties a <see cref="Segment"/> to its <see cref="LlmCall"/>s, e.g. <c>2026-12-01/en-US/calm/basic/sign:gemini</c>.</summary>
public static class SegmentKey
{
    public static string Of(DateOnly localDate, string locale, PerspectiveId perspective, Tier tier, string subjectKey) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{localDate:yyyy-MM-dd}/{locale}/{perspective.ToString().ToLowerInvariant()}/{tier.ToString().ToLowerInvariant()}/{subjectKey}");

    public static string Of(Segment segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        return Of(segment.LocalDate, segment.Locale, segment.Perspective, segment.Tier, segment.SubjectKey);
    }
}
