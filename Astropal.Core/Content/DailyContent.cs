using Astropal.Core.Billing;
using Astropal.Core.Email.Models;
using Astropal.Core.Readers;
using Astropal.Core.Sky;

namespace Astropal.Core.Content;

/// <summary>What the daily email is written for: one reader's chart, voice, focus and local date.</summary>
/// <param name="Name">The reader's name, or null to greet without it.</param>
/// <param name="Natal">The reader's natal chart (no angles or houses when the birth time is unknown).</param>
/// <param name="TimeZoneId">IANA zone the reader lives in: the local day and every printed time.</param>
/// <param name="Locale"><c>en-US</c> or <c>es-ES</c>.</param>
/// <param name="Perspective">The voice.</param>
/// <param name="FocusAreas">1–3 focus areas in the reader's order (weights 50/30/20 %).</param>
/// <param name="Tier">Free gets two transits and the upgrade block; the others up to four transits.</param>
/// <param name="LocalDate">The reader's local date.</param>
/// <param name="PlansUrl">Where the free tier's upgrade button points.</param>
public sealed record DailyContentRequest(
    string? Name,
    NatalChart Natal,
    string TimeZoneId,
    string Locale,
    PerspectiveId Perspective,
    IReadOnlyList<FocusAreaId> FocusAreas,
    Tier Tier,
    DateOnly LocalDate,
    string PlansUrl)
{
    /// <summary>The day's stored news headlines; the knowledge and evidence voices speak about one. Empty: no news block.</summary>
    public IReadOnlyList<NewsHeadline> Headlines { get; init; } = [];
}

/// <summary>A titled block of the email's own words (the voice), as the LLM schema has them too.</summary>
public sealed record ContentSection(string Heading, string Body);

/// <summary>The whole daily email's words and the computed facts they rest on.</summary>
public sealed record DailyContent(
    string Provider,
    string Model,
    int InputTokens,
    int OutputTokens,
    string Subject,
    string Preheader,
    string DateLabel,
    string PerspectiveName,
    string Greeting,
    IReadOnlyList<ContentSection> Sections,
    IReadOnlyList<LabelledFact> SkyFacts,
    IReadOnlyList<TransitLine> Transits,
    IReadOnlyList<FocusGuidance> FocusGuidance,
    Practice Practice,
    string Snippet,
    UpgradeBlock? Upgrade,
    DailySky Sky)
{
    /// <summary>The greeting's first sentence(s), the reader's own (with the name when given), before the voice's lead.</summary>
    public string Salutation { get; init; } = "";

    /// <summary>The voice's sections shown between the greeting and the sky (from an LLM segment; empty offline).</summary>
    public IReadOnlyList<ContentSection> Message { get; init; } = [];

    /// <summary>The shared segments this email was built from, in order (sign first, then focus areas).</summary>
    public IReadOnlyList<SegmentUse> Segments { get; init; } = [];

    /// <summary>The news block (knowledge and evidence voices, when the day has headlines); null otherwise.</summary>
    public NewsBlock? News { get; init; }

    /// <summary>
    /// The text written in the voice, without the shared facts (sky facts, each transit's aspect, orb
    /// and time, news headlines) and without the footer: what the distinctness figures are measured on.
    /// </summary>
    public string VoiceText => string.Join(
        "\n",
        new[] { Subject, Preheader, Greeting, Snippet, Practice.Text }
            .Concat(Sections.Select(s => s.Body))
            .Concat(Message.Select(s => s.Body))
            .Concat(Transits.Select(t => t.Title + " " + t.Meaning))
            .Concat(FocusGuidance.Select(f => f.Text))
            .Concat(News?.Items.Select(i => i.Take) ?? []));

    /// <summary>The model of the <c>daily</c> template, with the footer links delivery supplies.</summary>
    public DailyEmailModel ToEmailModel(EmailLinks links) => new(
        Subject,
        Preheader,
        DateLabel,
        PerspectiveName,
        Greeting,
        SkyFacts,
        Transits,
        FocusGuidance,
        Practice,
        Snippet,
        Upgrade,
        News,
        links)
    {
        Message = Message,
    };
}

/// <summary>One shared segment an email used: its key and where its text came from.</summary>
public sealed record SegmentUse(string Key, string Provider, string Model, int InputTokens, int OutputTokens);
