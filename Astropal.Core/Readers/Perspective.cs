namespace Astropal.Core.Readers;

/// <summary>The voice a reader's emails are written in (SPEC §3).</summary>
public enum PerspectiveId
{
    Calm,
    Knowledge,
    Success,
    Evidence,
}

/// <summary>A perspective as shown to readers: name, voice, sections and colour.</summary>
public sealed record Perspective(
    PerspectiveId Id,
    string Slug,
    string Name,
    string Voice,
    string Sample,
    IReadOnlyList<string> Sections,
    string Color)
{
    public static readonly Perspective Calm = new(
        PerspectiveId.Calm, "calm", "Calm & Centered",
        "Gentle, reassuring and contemplative: mindfulness, breathing, grounding and self-care. Never alarming, never predictive.",
        "The Moon drifts through Pisces today. Let your breath slow to match it: in for four, out for six.",
        ["Cosmic Breath", "Today's Energy", "Mindful Practice", "Gentle Intention"], "#10B981");

    public static readonly Perspective Knowledge = new(
        PerspectiveId.Knowledge, "knowledge", "Cosmic Knowledge",
        "Curious and educational: the astronomy behind the day, its history and mythology, astrology as a symbolic language.",
        "Mercury appears to move backwards this week. It doesn't, of course: Earth is overtaking it on the inside lane.",
        ["Cosmic Mechanics", "Historical Perspective", "Mythology", "Personal Laboratory"], "#3B82F6");

    public static readonly Perspective Success = new(
        PerspectiveId.Success, "success", "Success & Achievement",
        "Direct, energetic and strategic: goals, timing and action.",
        "Mars squares your natal Saturn until Thursday. Use the friction: ship the hard task before noon.",
        ["Executive Summary", "Opportunity Window", "Strategic Moves", "Risk Check"], "#F59E0B");

    public static readonly Perspective Evidence = new(
        PerspectiveId.Evidence, "evidence", "Evidence-Based",
        "Factual and precise: what is observable in today's sky, with numbers; what astrology cannot claim; your own observations.",
        "Moon 71% illuminated, waxing gibbous at 14°02′ Gemini. No study shows this affects mood; log yours and see.",
        ["Observable Sky", "What the Data Says", "Uncertainty", "Personal Data Log"], "#6366F1");

    public static IReadOnlyList<Perspective> All { get; } = [Calm, Knowledge, Success, Evidence];

    public static Perspective Get(PerspectiveId id) => All[(int)id];

    public static bool TryParse(string? slug, out Perspective perspective)
    {
        perspective = All.FirstOrDefault(p => string.Equals(p.Slug, slug?.Trim(), StringComparison.OrdinalIgnoreCase))!;
        return perspective is not null;
    }
}
