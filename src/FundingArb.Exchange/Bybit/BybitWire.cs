using System.Globalization;
using System.Text.Json.Nodes;
using FundingArb.Trading.Orders;

namespace FundingArb.Exchange.Bybit;

/// How Bybit writes values: decimals and most integers as strings, times as epoch milliseconds.
internal static class BybitWire
{
    // Plain notation with no trailing zeros: Bybit never sends exponents ("0.0000125", not "1.25E-05").
    private const string PlainDecimal = "0.############################";

    public static string Decimal(decimal value) => value.ToString(PlainDecimal, CultureInfo.InvariantCulture);

    public static long Millis(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

    public static string MillisText(DateTimeOffset at) => Millis(at).ToString(CultureInfo.InvariantCulture);

    /// Rounded up to the next millisecond: a deadline a client waits for must not come before the real one.
    public static string MillisCeilingText(DateTimeOffset at) =>
        ((at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks + TimeSpan.TicksPerMillisecond - 1) / TimeSpan.TicksPerMillisecond).ToString(CultureInfo.InvariantCulture);

    public static string Side(OrderSide side) => side == OrderSide.Buy ? "Buy" : "Sell";

    public static JsonArray Levels(IEnumerable<Trading.Liquidity.BookLevel> levels) =>
        [.. levels.Select(l => (JsonNode)new JsonArray(Decimal(l.Price), Decimal(l.Size)))];
}
