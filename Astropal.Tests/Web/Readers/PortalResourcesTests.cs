using System.Globalization;
using System.Xml.Linq;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Readers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Astropal.Tests.Web.Readers;

public sealed class PortalResourcesTests
{
    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(RepositoryRoot.Find(), "Astropal.Web", "Resources", "Features", "Readers", file))
            .Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    [Fact]
    public void Every_portal_text_exists_in_english_and_spanish()
    {
        var english = Read("Portal.resx");
        var spanish = Read("Portal.es-ES.resx");

        Assert.Equal(english.Keys.Order(StringComparer.Ordinal), spanish.Keys.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(english, e => string.IsNullOrWhiteSpace(e.Value));
        Assert.DoesNotContain(spanish, e => string.IsNullOrWhiteSpace(e.Value));
        foreach (var (key, text) in english)
        {
            // Same placeholders in both languages, so a format never throws or drops a value.
            Assert.Equal(Placeholders(text), Placeholders(spanish[key]));
        }
    }

    [Fact]
    public async Task The_localizer_finds_the_spanish_texts_in_the_satellite_assembly()
    {
        await using var app = new AstropalAppFactory();
        var localizer = app.Services.GetRequiredService<IStringLocalizer<Portal>>();
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("es-ES");
            Assert.Equal("Descargar mis datos", localizer["Data.Download"].Value);
            Assert.False(localizer["Data.Download"].ResourceNotFound);
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
            Assert.Equal("Download my data", localizer["Data.Download"].Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private static string[] Placeholders(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Order(StringComparer.Ordinal).ToArray();
}
