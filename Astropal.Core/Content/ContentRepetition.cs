using System.Text.RegularExpressions;
using Astropal.Core.Email.Models;

namespace Astropal.Core.Content;

/// <summary>
/// Finds what one email (or one segment) says twice: a heading used twice, or a sentence of the running text used
/// twice. Compared without case and surrounding spaces; sentences of fewer than <see cref="MinimumWords"/> words
/// ("Good morning.") are not counted.
/// </summary>
public static partial class ContentRepetition
{
    /// <summary>Sentences shorter than this (in words) may repeat: greetings and one-word answers.</summary>
    public const int MinimumWords = 3;

    /// <summary>A problem per heading and per sentence used more than once, naming it.</summary>
    public static IReadOnlyList<string> Find(IEnumerable<string?> headings, IEnumerable<string?> texts)
    {
        ArgumentNullException.ThrowIfNull(headings);
        ArgumentNullException.ThrowIfNull(texts);
        var problems = new List<string>();
        foreach (var heading in Repeated(headings.Select(Normalize).Where(h => h.Length > 0)))
        {
            problems.Add($"repetition: the heading '{heading}' is used twice");
        }

        foreach (var sentence in Repeated(texts.SelectMany(CountedSentences)))
        {
            problems.Add($"repetition: the sentence '{sentence}' is used twice");
        }

        return problems;
    }

    /// <summary>Repetitions in what the daily email shows: its headings and sky rows, and its running text.</summary>
    public static IReadOnlyList<string> Find(DailyContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var headings = content.Message.Select(s => s.Heading)
            .Concat(content.SkyFacts.Select(f => f.Label))
            .Concat(content.Transits.Select(t => t.Title))
            .Concat(content.FocusGuidance.Select(f => f.Area))
            .Append(content.Practice.Title)
            .Append(content.News?.Title);
        var texts = new[] { content.Greeting, content.Practice.Text, content.Snippet }
            .Concat(content.Message.Select(s => s.Body))
            .Concat(content.Transits.Select(t => t.Meaning))
            .Concat(content.FocusGuidance.Select(f => f.Text))
            .Concat(content.News?.Items.Select(i => i.Take) ?? []);
        return Find(headings, texts);
    }

    /// <summary>Repetitions in the evening reflection: its greeting, reflection, questions and tomorrow's line.</summary>
    public static IReadOnlyList<string> Find(EveningEmailModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Find([], new[] { model.Greeting, model.Reflection, model.Tomorrow }.Concat(model.Questions));
    }

    /// <summary>Repetitions in the weekly overview: its days and their headlines as headings; greeting, overview and each day's sentence as text.</summary>
    public static IReadOnlyList<string> Find(WeeklyEmailModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Find(model.Days.SelectMany(d => new[] { d.Day, d.Headline }), new[] { model.Greeting, model.Overview }.Concat(model.Days.Select(d => d.Detail)));
    }

    /// <summary>The sentences of a text: split after <c>. ! ? …</c> and at line breaks.</summary>
    public static IEnumerable<string> Sentences(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : SentenceEnd().Split(text).Select(Normalize).Where(s => s.Length > 0);

    /// <summary>The sentences of a text that must not repeat: those of at least <see cref="MinimumWords"/> words.</summary>
    public static IEnumerable<string> CountedSentences(string? text) =>
        Sentences(text).Where(s => s.Split(' ').Length >= MinimumWords);

    private static IEnumerable<string> Repeated(IEnumerable<string> items)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var reported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in items)
        {
            if (!seen.Add(item) && reported.Add(item))
            {
                yield return item;
            }
        }
    }

    private static string Normalize(string? text) => string.IsNullOrWhiteSpace(text) ? "" : Spaces().Replace(text.Trim(), " ");

    [GeneratedRegex(@"(?<=[.!?…])\s+|\r?\n+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
