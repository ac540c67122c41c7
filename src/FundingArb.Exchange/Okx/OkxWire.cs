using System.Globalization;
using System.Text.Json.Nodes;
using FundingArb.Trading.Liquidity;

namespace FundingArb.Exchange.Okx;

/// How OKX writes values: every number as a string, times as epoch milliseconds in a string.
internal static class OkxWire
{
    // Plain notation with no trailing zeros: OKX never sends exponents.
    private const string PlainDecimal = "0.############################";

    public static string Decimal(decimal value) => value.ToString(PlainDecimal, CultureInfo.InvariantCulture);

    public static string Millis(DateTimeOffset at) => at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    /// Book levels as OKX sends them: [price, size in contracts, "0" (deprecated liquidated orders), order count].
    public static JsonArray Levels(IEnumerable<BookLevel> levels, decimal contractValue) =>
        [.. levels.Select(l => (JsonNode)new JsonArray(Decimal(l.Price), Decimal(l.Size / contractValue), "0", "1"))];
}
