using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Astropal.Core.Email;

/// <summary>
/// The fixed texts of the emails in one locale (<c>emails/locales/&lt;locale&gt;.json</c>): headings,
/// button labels, footer, subjects, preheaders and the "why you get this" line. Templates name them
/// with <c>{{t 'key'}}</c> (nested JSON keys joined by dots); <c>{{t 'key' upper=true}}</c> gives the
/// text upper-cased, for the headings of the plain-text part.
/// </summary>
/// <remarks>
/// A text is an HTML fragment that may hold Handlebars placeholders (<c>{{Name}}</c>,
/// <c>{{#if Name}}…{{/if}}</c>): it is put into the template before compilation, so the placeholders
/// inside it are filled and escaped like any other. For the plain-text part, tags are dropped and
/// entities decoded.
/// </remarks>
public sealed partial class EmailTexts
{
    private readonly Dictionary<string, string> texts;

    private EmailTexts(string locale, CultureInfo culture, Dictionary<string, string> texts)
    {
        Locale = locale;
        Culture = culture;
        this.texts = texts;
    }

    /// <summary>The locale name, e.g. <c>es-ES</c>.</summary>
    public string Locale { get; }

    public CultureInfo Culture { get; }

    /// <summary>Every key, nested keys joined by dots (<c>welcome.schedule.daily</c>).</summary>
    public IReadOnlyCollection<string> Keys => texts.Keys;

    /// <summary>The raw text (HTML fragment with placeholders) of <paramref name="key"/>, or null.</summary>
    public string? this[string key] => texts.GetValueOrDefault(key);

    /// <summary>Reads a locale table; <paramref name="origin"/> names the file in error messages.</summary>
    public static EmailTexts Parse(string locale, string json, string origin)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(locale);
        ArgumentNullException.ThrowIfNull(json);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(json);
            Flatten(document.RootElement, "", texts, origin);
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"{origin} is not valid JSON: {ex.Message}", ex);
        }

        return new EmailTexts(locale, CultureInfo.GetCultureInfo(locale), texts);
    }

    /// <summary>
    /// Replaces every <c>{{t 'key'}}</c> of <paramref name="source"/> with this locale's text: as an HTML
    /// fragment for the HTML part, as plain text otherwise. A key this locale lacks is an error naming it.
    /// </summary>
    public string Localize(string source, bool html, string usedBy)
    {
        ArgumentNullException.ThrowIfNull(source);
        return TextPlaceholder().Replace(source, match =>
        {
            var key = match.Groups["key"].Value;
            var text = this[key] ?? throw new EmailTemplateException(
                $"emails/locales/{Locale}.json has no text \"{key}\", which {usedBy} uses.");
            if (!html)
            {
                text = WebUtility.HtmlDecode(Tag().Replace(text, ""));
            }

            return match.Groups["upper"].Success ? UpperOutsidePlaceholders(text) : text;
        });
    }

    /// <summary>The keys <paramref name="source"/> asks for with <c>{{t 'key'}}</c>.</summary>
    public static IEnumerable<string> KeysUsedBy(string source) =>
        TextPlaceholder().Matches(source).Select(m => m.Groups["key"].Value);

    private string UpperOutsidePlaceholders(string text)
    {
        var result = new StringBuilder(text.Length);
        var position = 0;
        foreach (Match placeholder in Placeholder().Matches(text))
        {
            result.Append(text[position..placeholder.Index].ToUpper(Culture)).Append(placeholder.Value);
            position = placeholder.Index + placeholder.Length;
        }

        return result.Append(text[position..].ToUpper(Culture)).ToString();
    }

    private static void Flatten(JsonElement element, string prefix, Dictionary<string, string> into, string origin)
    {
        foreach (var property in element.EnumerateObject())
        {
            var key = prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}";
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.Object:
                    Flatten(property.Value, key, into, origin);
                    break;
                case JsonValueKind.String:
                    into[key] = property.Value.GetString()!;
                    break;
                default:
                    throw new InvalidOperationException($"{origin}: \"{key}\" must be a text or a group of texts, not {property.Value.ValueKind}.");
            }
        }
    }

    [GeneratedRegex(@"\{\{\s*t\s+'(?<key>[A-Za-z0-9_.-]+)'(?<upper>\s+upper=true)?\s*\}\}")]
    private static partial Regex TextPlaceholder();

    [GeneratedRegex(@"\{\{.*?\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
