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
}
