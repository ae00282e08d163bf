using System.Globalization;

namespace Astropal.Core.Readers;

/// <summary>
/// The languages Astropal speaks: the one list that signup, the portal, the site's request culture, the
/// language pickers and the CLI read. The first is the default.
/// </summary>
public static class SupportedLocales
{
    public const string English = "en-US";
    public const string Spanish = "es-ES";

    /// <summary>New readers, the operator console, and any browser that asks for none of ours.</summary>
    public const string Default = English;

    public static IReadOnlyList<SupportedLocale> All { get; } =
    [
        new(English, "English", "English (US)"),
        new(Spanish, "Español", "Español (España)"),
    ];

    /// <summary>The locale names, default first.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(l => l.Name)];

    public static IReadOnlyList<CultureInfo> Cultures { get; } = [.. All.Select(l => l.Culture)];

    /// <summary>Our spelling of a locale given in any case (<c>ES-es</c> is <c>es-ES</c>); null when we do not speak it.</summary>
    public static string? Find(string? name) =>
        Names.FirstOrDefault(n => string.Equals(n, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Our locale for a language tag, matched by language rather than exact tag: any English (<c>en</c>,
    /// <c>en-GB</c>) is en-US, any Spanish (<c>es</c>, <c>es-MX</c>) es-ES; null for any other language.
    /// </summary>
    public static string? ForLanguage(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return null;
        }

        var language = tag.Trim().Split('-', '_')[0];
        return All.FirstOrDefault(l => string.Equals(l.LanguageTag, language, StringComparison.OrdinalIgnoreCase))?.Name;
    }
}
