namespace Astropal.Core.Readers;

/// <summary>What a reader wants the email to speak about first (SPEC §4).</summary>
public enum FocusAreaId
{
    Relationships,
    Career,
    Wellness,
    Social,
    Spiritual,
    EvidenceBased,
}

public sealed record FocusArea(FocusAreaId Id, string Slug, string Name, string Emphasis)
{
    public static IReadOnlyList<FocusArea> All { get; } =
    [
        new(FocusAreaId.Relationships, "relationships", "Relationships & Love", "Venus, Moon"),
        new(FocusAreaId.Career, "career", "Career & Business", "Mars, Saturn, Sun (MC)"),
        new(FocusAreaId.Wellness, "wellness", "Mental Wellness", "Moon, Virgo / 6th house"),
        new(FocusAreaId.Social, "social", "Social & Communication", "Mercury, Jupiter"),
        new(FocusAreaId.Spiritual, "spiritual", "Spiritual Growth", "Neptune, Moon, 12th house"),
        new(FocusAreaId.EvidenceBased, "evidence-based", "Evidence-Based Astrology", "All bodies; numbers and observations first"),
    ];

    public static FocusArea Get(FocusAreaId id) => All[(int)id];

    public static bool TryParse(string? slug, out FocusArea focusArea)
    {
        focusArea = All.FirstOrDefault(f => string.Equals(f.Slug, slug?.Trim(), StringComparison.OrdinalIgnoreCase))!;
        return focusArea is not null;
    }
}
