using System.Globalization;

namespace Astropal.Core.Readers;

/// <summary>One language Astropal speaks: its locale name and how it names itself in a language picker.</summary>
/// <param name="Name">The locale, e.g. <c>es-ES</c>, as stored in <see cref="Reader.Locale"/>.</param>
/// <param name="Language">The language in itself, e.g. <c>Español</c>.</param>
/// <param name="LanguageAndRegion">With the region, e.g. <c>Español (España)</c>.</param>
public sealed record SupportedLocale(string Name, string Language, string LanguageAndRegion)
{
    public CultureInfo Culture => CultureInfo.GetCultureInfo(Name);

    /// <summary>The two-letter language, e.g. <c>es</c>, for <c>lang</c> attributes.</summary>
    public string LanguageTag => Culture.TwoLetterISOLanguageName;
}
