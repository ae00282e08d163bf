using Astropal.Core.Billing;

namespace Astropal.Tests.Core.Billing;

public sealed class PriceFormatTests
{
    [Theory]
    [InlineData(7.99, "USD", "$7.99")]
    [InlineData(0, "USD", "$0")]
    [InlineData(14.5, "EUR", "€14.50")]
    [InlineData(12, "CHF", "12 CHF")]
    public void Monthly_prices_are_formatted_with_the_currency(double amount, string currency, string expected) =>
        Assert.Equal(expected, PriceFormat.Monthly((decimal)amount, currency));

    [Theory]
    [InlineData(7.99, "USD", "en-US", "$7.99")]
    [InlineData(0, "USD", "en-US", "$0")]
    [InlineData(7.99, "EUR", "es-ES", "7,99 €")]
    [InlineData(14.99, "EUR", "en-US", "€14.99")]
    [InlineData(7.99, "USD", "es-ES", "7,99 US$")]
    [InlineData(12, "CHF", "es-ES", "12 CHF")]
    public void Monthly_prices_follow_the_page_culture_with_the_configured_currency(double amount, string currency, string culture, string expected) =>
        Assert.Equal(expected, PriceFormat.Monthly((decimal)amount, currency, System.Globalization.CultureInfo.GetCultureInfo(culture)));
}
