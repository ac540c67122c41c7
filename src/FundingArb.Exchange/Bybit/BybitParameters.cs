using System.Globalization;
using FundingArb.Trading.Instruments;

namespace FundingArb.Exchange.Bybit;

/// Reads request parameters (query string or JSON body fields, already as text) the way Bybit validates them.
internal static class BybitParameters
{
    public static void RequireLinear(string? category)
    {
        if (!string.Equals(category, "linear", StringComparison.Ordinal))
        {
            throw new BybitParameterException("category", category, "this venue serves category linear only");
        }
    }

    public static string Required(string field, string? value) =>
        string.IsNullOrEmpty(value) ? throw new BybitParameterException(field, value, "required") : value;

    public static decimal Decimal(string field, string? value) =>
        decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new BybitParameterException(field, value, "expected a positive decimal string");

    public static int Limit(string? value, int fallback, int maximum)
    {
        if (string.IsNullOrEmpty(value))
        {
            return fallback;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit >= 1 && limit <= maximum
            ? limit
            : throw new BybitParameterException("limit", value, string.Create(CultureInfo.InvariantCulture, $"expected 1 to {maximum}"));
    }

    public static DateTimeOffset? Millis(string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : throw new BybitParameterException(field, value, "expected epoch milliseconds");
    }

    /// Linear lists of orders and positions need a symbol or a settle coin; the settle coin, or null when a symbol is given.
    public static string? SymbolOrSettleCoin(Microsoft.AspNetCore.Http.IQueryCollection query)
    {
        if (query["symbol"].ToString().Length > 0)
        {
            return null;
        }

        var settleCoin = query["settleCoin"].ToString();
        return settleCoin.Length > 0 ? settleCoin : throw new BybitParameterException("settleCoin", null, "symbol or settleCoin is required for linear");
    }

    public static Instrument Instrument(IEnumerable<Instrument> instruments, string? symbol)
    {
        var name = Required("symbol", symbol);
        return instruments.FirstOrDefault(i => string.Equals(i.Symbol.Value, name, StringComparison.Ordinal))
            ?? throw new BybitParameterException("symbol", name, "not a listed linear symbol");
    }
}
