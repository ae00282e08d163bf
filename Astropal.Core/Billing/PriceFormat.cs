using System.Globalization;

namespace Astropal.Core.Billing;

public static class PriceFormat
{
    private static readonly Dictionary<string, string> Symbols = new(StringComparer.Ordinal)
    {
        ["USD"] = "$",
        ["EUR"] = "€",
        ["GBP"] = "£",
    };

    /// <summary>"$7.99", "$0", "€14.99"; unknown currencies as "7.99 CHF".</summary>
    public static string Monthly(decimal amount, string currency)
    {
        var number = amount == decimal.Truncate(amount)
            ? amount.ToString("0", CultureInfo.InvariantCulture)
            : amount.ToString("0.00", CultureInfo.InvariantCulture);
        return Symbols.TryGetValue(currency, out var symbol) ? symbol + number : $"{number} {currency}";
    }

    /// <summary>
    /// The amount in the currency, written the way <paramref name="culture"/> writes money: "$7.99" for en-US, "7,99 €" or
    /// "7,99 US$" for es-ES; whole amounts without decimals ("$0"). The symbol is the currency's, never the culture's own.
    /// </summary>
    public static string Monthly(decimal amount, string currency, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        format.CurrencySymbol = Symbols.TryGetValue(currency, out var symbol)
            ? (currency == "USD" && culture.Name != "en-US" ? "US$" : symbol)
            : currency;
        format.CurrencyDecimalDigits = amount == decimal.Truncate(amount) ? 0 : 2;
        return amount.ToString("C", format).Replace('\u00A0', ' ');
    }
}
