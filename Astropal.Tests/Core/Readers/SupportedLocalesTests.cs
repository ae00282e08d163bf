using Astropal.Core.Content;
using Astropal.Core.Readers;
using Astropal.Core.Readers.Signup;

namespace Astropal.Tests.Core.Readers;

public sealed class SupportedLocalesTests
{
    [Fact]
    public void English_is_the_default_and_comes_first() =>
        Assert.Equal(new[] { "en-US", "es-ES" }, SupportedLocales.Names);

    [Theory]
    [InlineData("es-es", "es-ES")]
    [InlineData(" EN-us ", "en-US")]
    [InlineData("es-MX", null)]
    [InlineData("fr-FR", null)]
    [InlineData(null, null)]
    public void Find_accepts_only_our_locales_in_any_case(string? name, string? expected) =>
        Assert.Equal(expected, SupportedLocales.Find(name));

    [Theory]
    [InlineData("es-MX", "es-ES")]
    [InlineData("es_AR", "es-ES")]
    [InlineData("en-GB", "en-US")]
    [InlineData("pt-BR", null)]
    [InlineData("", null)]
    public void ForLanguage_matches_by_language(string tag, string? expected) =>
        Assert.Equal(expected, SupportedLocales.ForLanguage(tag));

    [Fact]
    public void Signup_and_content_speak_exactly_the_supported_locales()
    {
        Assert.Equal(SupportedLocales.Names, SignupValidator.Locales);
        Assert.Equal(SupportedLocales.Names, ContentLocale.All.Select(l => l.Name));
    }
}
