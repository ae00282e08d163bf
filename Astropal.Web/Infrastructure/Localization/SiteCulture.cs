using System.Globalization;
using Astropal.Core.Content;
using Astropal.Core.Readers;

namespace Astropal.Web.Infrastructure.Localization;

/// <summary>The request's language as the content vocabulary (signs, planets, perspectives, focus areas, dates).</summary>
public static class SiteCulture
{
    /// <summary>The <see cref="ContentLocale"/> of the current UI culture; English for any other.</summary>
    public static ContentLocale Content => ContentLocale.TryGet(CultureInfo.CurrentUICulture.Name, out var locale) ? locale : ContentLocale.English;

    /// <summary>True when the page is in the default language (en-US).</summary>
    public static bool IsDefault => CultureInfo.CurrentUICulture.Name == SupportedLocales.Default;
}
