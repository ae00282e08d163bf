namespace Astropal.Core.Email.Models;

/// <summary>The morning email (SPEC §5 "The daily email").</summary>
public sealed record DailyEmailModel(
    string Subject,
    string Preheader,
    string DateLabel,
    string PerspectiveName,
    string Greeting,
    IReadOnlyList<LabelledFact> SkyFacts,
    IReadOnlyList<TransitLine> Transits,
    IReadOnlyList<FocusGuidance> FocusGuidance,
    Practice Practice,
    string Snippet,
    UpgradeBlock? Upgrade,
    NewsBlock? News,
    EmailLinks Links) : IEmailModel
{
    public EmailTemplate Template => EmailTemplate.Daily;

    /// <summary>The voice's own sections after the greeting (LLM segments); none when empty.</summary>
    public IReadOnlyList<Content.ContentSection> Message { get; init; } = [];
}

/// <summary>A personal transit with its working shown: aspect, orb and when it is exact (reader's time).</summary>
public sealed record TransitLine(string Title, string Aspect, string Orb, string ExactAt, string Meaning);

/// <summary>Guidance for one of the reader's focus areas.</summary>
public sealed record FocusGuidance(string Area, string Text);

/// <summary>One practice, action or affirmation in the voice of the perspective.</summary>
public sealed record Practice(string Title, string Text);

/// <summary>Optional headlines inside the daily email.</summary>
public sealed record NewsBlock(string Title, IReadOnlyList<NewsItem> Items);
