using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Astropal.Core.Billing;
using Astropal.Core.Content.Offline;
using Astropal.Core.Readers;
using Astropal.Core.Sky;

namespace Astropal.Core.Content.Llm;

/// <summary>
/// What the LLM is asked: one system prompt per voice and locale (embedded resources
/// <c>Content/Llm/Prompts/{voice}.{locale}.txt</c>), a user message with the segment, its word budget and
/// the computed sky, and the JSON schema of the answer.
/// </summary>
public static class SegmentPrompts
{
    public const string SchemaName = "astropal_segment";

    private static readonly ConcurrentDictionary<string, string> SystemPrompts = new(StringComparer.Ordinal);

    /// <summary>The JSON schema of an answer: subject 10–60, preheader 20–100, snippet 30–120 characters, 1–5 sections.</summary>
    public static JsonElement Schema { get; } = JsonDocument.Parse("""
        {
          "type": "object",
          "properties": {
            "subject": { "type": "string", "minLength": 10, "maxLength": 60 },
            "preheader": { "type": "string", "minLength": 20, "maxLength": 100 },
            "snippet": { "type": "string", "minLength": 30, "maxLength": 120 },
            "sections": {
              "type": "array",
              "minItems": 1,
              "maxItems": 5,
              "items": {
                "type": "object",
                "properties": {
                  "heading": { "type": "string", "minLength": 1, "maxLength": 80 },
                  "body": { "type": "string", "minLength": 1 }
                },
                "required": ["heading", "body"],
                "additionalProperties": false
              }
            }
          },
          "required": ["subject", "preheader", "snippet", "sections"],
          "additionalProperties": false
        }
        """).RootElement.Clone();

    /// <summary>Words across all sections of a segment: the free pulse is short, Pro reads longest.</summary>
    public static int WordBudget(Tier tier, bool focusSegment) => (SegmentKey.SegmentTier(tier), focusSegment) switch
    {
        (Tier.Free, false) => 70,
        (Tier.Pro, false) => 220,
        (_, false) => 150,
        (Tier.Free, true) => 35,
        (Tier.Pro, true) => 90,
        _ => 60,
    };

    /// <summary>Sections of a sign segment: opening, the day (Basic one, Pro two), practice.</summary>
    public static int SignSections(Tier tier) => SegmentKey.SegmentTier(tier) switch
    {
        Tier.Free => 2,
        Tier.Pro => 4,
        _ => 3,
    };

    /// <summary>The system prompt of a voice in a locale, from the embedded resources.</summary>
    public static string System(PerspectiveId perspective, string locale)
    {
        var name = $"Astropal.Core.Content.Prompts.{Perspective.Get(perspective).Slug}.{ContentLocale.Get(locale).Name}.txt";
        return SystemPrompts.GetOrAdd(name, static n =>
        {
            using var stream = typeof(SegmentPrompts).Assembly.GetManifestResourceStream(n)
                ?? throw new InvalidOperationException($"The system prompt resource '{n}' is missing from Astropal.Core.");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return reader.ReadToEnd().Trim();
        });
    }

    /// <summary>The user message for a segment; <paramref name="problems"/> are the reasons a previous answer was refused.</summary>
    public static string User(SegmentKey key, SegmentSky sky, IReadOnlyList<string>? problems = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(sky);
        var locale = ContentLocale.Get(key.Locale);
        var book = PhraseLibrary.Voice(locale, key.Perspective);
        var focus = key.FocusArea;
        var words = WordBudget(key.Tier, focus is not null);
        var text = new StringBuilder();
        text.AppendLine("Write today's shared text for one group of readers; the same words go to everyone in the group.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Date: {locale.DateLabel(key.LocalDate)} ({key.LocalDate:yyyy-MM-dd}).");
        var plan = SegmentKey.SegmentTier(key.Tier).ToString();
        if (focus is { } area)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Readers: the {plan} plan readers who chose the focus area \"{locale.FocusArea(area)}\".");
            text.AppendLine(CultureInfo.InvariantCulture, $"Length: about {words} words in all.");
            text.AppendLine(CultureInfo.InvariantCulture, $"Sections: one section, heading \"{locale.FocusArea(area)}\", with today's guidance for that area of life in your voice; no personal transits.");
        }
        else
        {
            var sign = key.Sign is { } s ? locale.Sign(s) : key.SubjectKey;
            var count = SignSections(key.Tier);
            text.AppendLine(CultureInfo.InvariantCulture, $"Readers: the {plan} plan readers whose Sun sign is {sign}.");
            text.AppendLine(CultureInfo.InvariantCulture, $"Length: about {words} words in all sections together.");
            text.AppendLine(CultureInfo.InvariantCulture, $"Sections: exactly {count}, in this order:");
            text.AppendLine(CultureInfo.InvariantCulture, $"1. heading \"{book.Sections[0]}\": an opening of one or two sentences that sets the day's tone for {sign}.");
            for (var i = 2; i < count; i++)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"{i}. a heading of your own in the voice's style (for example \"{book.Sections[1]}\"): what today's sky invites for {sign}.");
            }

            text.AppendLine(CultureInfo.InvariantCulture, $"{count}. heading \"{book.PracticeTitle}\": one concrete practice, action or observation for today.");
        }

        text.AppendLine("Fields: subject 10–60 characters; preheader 20–100 characters; snippet 30–120 characters, one shareable line; each section a short heading and a body.");
        text.AppendLine();
        text.AppendLine("The computed sky of this date, the only facts you may cite (no degrees, no clock times):");
        foreach (var line in SkyFacts(sky, locale))
        {
            text.Append("- ").AppendLine(line);
        }

        if (problems is { Count: > 0 })
        {
            text.AppendLine();
            text.AppendLine("Your previous answer was refused for these reasons; write a new answer that fixes every one:");
            foreach (var problem in problems)
            {
                text.Append("- ").AppendLine(problem);
            }
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>The facts of the day that hold for every reader of the date, in the locale's names.</summary>
    public static IReadOnlyList<string> SkyFacts(SegmentSky sky, ContentLocale locale)
    {
        ArgumentNullException.ThrowIfNull(sky);
        ArgumentNullException.ThrowIfNull(locale);
        var facts = new List<string>();
        var moon = sky.Reference.Noon.Moon;
        var moonSign = sky.SafeSign(Body.Moon);
        var phase = sky.SafePhase();
        facts.Add(string.Create(CultureInfo.InvariantCulture,
            $"{locale.Body(Body.Moon)}: {(phase is { } p ? locale.Phase(p) : "phase changes today (do not name it)")}, about {locale.Percent(moon.IlluminatedFraction)} illuminated, {(moonSign is { } ms ? "in " + locale.Sign(ms) : "changes sign today (do not name its sign)")}."));
        foreach (var body in Bodies.All.Where(b => b != Body.Moon))
        {
            var sign = sky.SafeSign(body);
            var retro = sky.SafeRetrograde(body) ? ", retrograde" : "";
            facts.Add(sign is { } s
                ? $"{locale.Body(body)} in {locale.Sign(s)}{retro}."
                : $"{locale.Body(body)} changes sign today (do not name its sign){retro}.");
        }

        foreach (var ingress in sky.Reference.Ingresses)
        {
            facts.Add($"Today {locale.Body(ingress.Body)} {(ingress.IsRetrograde ? "moves back into" : "enters")} {locale.Sign(ingress.Sign)}.");
        }

        foreach (var station in sky.Reference.Stations)
        {
            facts.Add($"Today {locale.Body(station.Body)} stations {(station.Kind == SkyEventKind.StationRetrograde ? "retrograde" : "direct")}.");
        }

        foreach (var aspect in sky.Reference.ExactAspects.Take(4))
        {
            facts.Add($"Exact today: {locale.Point(aspect.First)} {locale.Aspect(aspect.Type)} {locale.Point(aspect.Second)}.");
        }

        if (sky.Reference.Retrogrades.Count == 0)
        {
            facts.Add("No planet is retrograde.");
        }

        return facts;
    }
}
