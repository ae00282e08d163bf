using System.Globalization;
using System.Text;
using Astropal.Core.Readers;

namespace Astropal.Core.Content.Offline;

/// <summary>
/// Fills the slots of a phrase library for one voice, locale and date: each slot's variant is picked with
/// <see cref="OfflineDailyComposer.Pick"/>, and a variant whose placeholder has no value that day is passed over
/// for the next one. Placeholders are <c>{name}</c>; sentences come out capitalised. One picker writes one email:
/// it remembers the headings and sentences it gave out and passes over a variant that would say one again.
/// </summary>
internal sealed class PhrasePicker(DateOnly date, PerspectiveId perspective, string locale)
{
    private readonly HashSet<string> headings = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> sentences = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The day's variant of a slot, the first one that can be filled from <paramref name="offset"/> on.</summary>
    public string Slot(string segment, IReadOnlyList<string> variants, IReadOnlyDictionary<string, string> values, int offset = 0, int stride = 1) =>
        TrySlot(segment, variants, values, offset, stride)
        ?? throw new InvalidOperationException($"No variant of '{segment}' can be filled for {perspective}/{locale}.");

    /// <summary>
    /// As <see cref="Slot"/>, or null when no variant can be filled. A variant with a sentence the email already
    /// says is passed over too, unless every fillable one has (then the day's pick stands).
    /// </summary>
    public string? TrySlot(string segment, IReadOnlyList<string> variants, IReadOnlyDictionary<string, string> values, int offset = 0, int stride = 1)
    {
        string? first = null;
        foreach (var text in Fillable(segment, variants, values, offset, stride))
        {
            first ??= text;
            if (IsNew(text))
            {
                Remember(text);
                return text;
            }
        }

        return first;
    }

    /// <summary>The day's variant of a heading slot that the email has not used yet, or null when every fillable one is used.</summary>
    public string? Heading(string segment, IReadOnlyList<string> variants, IReadOnlyDictionary<string, string> values, int offset = 0)
    {
        foreach (var text in Fillable(segment, variants, values, offset))
        {
            if (headings.Add(text))
            {
                return text;
            }
        }

        return null;
    }

    /// <summary><paramref name="count"/> different variants of a slot (fewer when fewer can be filled), in library order from the day's pick.</summary>
    public IReadOnlyList<string> Several(string segment, IReadOnlyList<string> variants, IReadOnlyDictionary<string, string> values, int count)
    {
        var chosen = new List<string>(count);
        foreach (var text in Fillable(segment, variants, values))
        {
            if (chosen.Count == count)
            {
                break;
            }

            if (IsNew(text))
            {
                Remember(text);
                chosen.Add(text);
            }
        }

        return chosen;
    }

    /// <summary>Marks text written outside the picker (computed lines), so no later variant repeats its sentences.</summary>
    public void Remember(string text)
    {
        foreach (var sentence in ContentRepetition.CountedSentences(text))
        {
            sentences.Add(sentence);
        }
    }

    /// <summary>The day's variant whose filled length lies in [min, max]; else the first fillable one, cut at a word before max.</summary>
    public string Fit(string segment, IReadOnlyList<string> variants, IReadOnlyDictionary<string, string> values, int min, int max)
    {
        string? fallback = null;
        foreach (var text in Fillable(segment, variants, values))
        {
            if (text.Length >= min && text.Length <= max)
            {
                return text;
            }

            fallback ??= text;
        }

        if (fallback is null)
        {
            throw new InvalidOperationException($"No variant of '{segment}' can be filled for {perspective}/{locale}.");
        }

        return fallback.Length > max ? fallback[..(fallback.LastIndexOf(' ', max - 1) is > 0 and var cut ? cut : max)].TrimEnd(',', ';', ':') : fallback;
    }

    private bool IsNew(string text) => !ContentRepetition.CountedSentences(text).Any(sentences.Contains);

    /// <summary>The variants of a slot that can be filled that day, filled, in library order from the day's pick.</summary>
    private IEnumerable<string> Fillable(string segment, IReadOnlyList<string> variants, IReadOnlyDictionary<string, string> values, int offset = 0, int stride = 1)
    {
        var start = OfflineDailyComposer.Pick(date, perspective, segment, offset, variants.Count, stride);
        for (var k = 0; k < variants.Count; k++)
        {
            if (PhraseTemplate.Fill(variants[(start + k) % variants.Count], values) is { } text)
            {
                yield return text;
            }
        }
    }
}

/// <summary>Phrase templates with <c>{placeholder}</c> values.</summary>
internal static class PhraseTemplate
{
    /// <summary>The template with its placeholders filled and its sentences capitalised, or null when one has no value.</summary>
    public static string? Fill(string template, IReadOnlyDictionary<string, string> with)
    {
        var result = new StringBuilder(template.Length + 32);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0)
            {
                result.Append(template, i, template.Length - i);
                break;
            }

            var close = template.IndexOf('}', open);
            result.Append(template, i, open - i);
            if (!with.TryGetValue(template[(open + 1)..close], out var value))
            {
                return null;
            }

            result.Append(value);
            i = close + 1;
        }

        return CapitalizeSentences(result.ToString());
    }

    /// <summary>The first letter of the text and of every sentence upper-cased (after <c>¿ ¡ «</c> too).</summary>
    public static string CapitalizeSentences(string text)
    {
        var chars = text.ToCharArray();
        var capitalize = true;
        for (var i = 0; i < chars.Length; i++)
        {
            if (capitalize && char.IsLetter(chars[i]))
            {
                chars[i] = char.ToUpper(chars[i], CultureInfo.InvariantCulture);
                capitalize = false;
            }
            else if (capitalize && chars[i] is not (' ' or '¿' or '¡' or '«'))
            {
                capitalize = false;
            }

            if (chars[i] is '.' or '?' or '!' && i + 1 < chars.Length && chars[i + 1] == ' ')
            {
                capitalize = true;
            }
        }

        return new string(chars);
    }

    public static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];
}
