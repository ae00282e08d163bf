using Astropal.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Http;

namespace Astropal.Tests.Web.Localization;

/// <summary>The one rule that turns a browser's Accept-Language into one of our locales.</summary>
public sealed class AcceptLanguageTests
{
    [Theory]
    [InlineData("es-ES", "es-ES")]
    [InlineData("en-US", "en-US")]
    [InlineData("es-MX", "es-ES")]
    [InlineData("es", "es-ES")]
    [InlineData("ES-ar", "es-ES")]
    [InlineData("en-GB", "en-US")]
    [InlineData("en", "en-US")]
    public void A_language_is_matched_by_language_not_by_exact_tag(string header, string expected) =>
        Assert.Equal(expected, AcceptLanguageCultureProvider.PreferredLocale(header));

    [Theory]
    [InlineData("en;q=0.5, es;q=0.9", "es-ES")]
    [InlineData("fr-FR, en;q=0.4, es-MX;q=0.8", "es-ES")]
    [InlineData("es-MX;q=0.7, en-GB;q=0.7", "es-ES")]
    [InlineData("en-GB;q=0.7, es-MX;q=0.7", "en-US")]
    [InlineData("es;q=0, en;q=0.1", "en-US")]
    public void The_highest_quality_wins_equal_qualities_keep_the_header_order_and_q0_is_refused(string header, string expected) =>
        Assert.Equal(expected, AcceptLanguageCultureProvider.PreferredLocale(header));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("fr-FR, de;q=0.8")]
    [InlineData("*")]
    [InlineData("es;q=0")]
    public void No_language_of_ours_leaves_the_choice_to_the_default(string? header) =>
        Assert.Null(AcceptLanguageCultureProvider.PreferredLocale(header));

    [Fact]
    public async Task The_culture_provider_applies_the_rule_to_the_request_header()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.AcceptLanguage = "de-DE, es-AR;q=0.9, en;q=0.8";

        var result = await new AcceptLanguageCultureProvider().DetermineProviderCultureResult(context);

        Assert.NotNull(result);
        Assert.Equal("es-ES", Assert.Single(result.UICultures).Value);
    }
}
