using System.Globalization;
using FundingArb.Trading.Orders;

namespace FundingArb.Exchange.Binance;

// Binance sends prices, quantities and rates as JSON strings and times as integer milliseconds since the epoch;
// its order and trade ids are integers. The simulated venue names orders "<venue>-<n>" and trades "<venue>-t<n>":
// the number is Binance's id.

/// The simulated venue's values as Binance writes them.
internal static class BinanceWire
{
    public static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static long Millis(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

    public static long OrderId(string venueOrderId) => TrailingNumber(venueOrderId, '-');

    public static long TradeId(string tradeId) => TrailingNumber(tradeId, 't');

    public static string Side(OrderSide side) => side == OrderSide.Buy ? "BUY" : "SELL";

    public static string Type(OrderType type) => type == OrderType.Market ? "MARKET" : "LIMIT";

    /// GTX is Binance's post-only.
    public static string TimeInForce(OrderRequest request) =>
        request.IsPostOnly ? "GTX"
        : request.TimeInForce switch
        {
            Trading.Orders.TimeInForce.Ioc => "IOC",
            Trading.Orders.TimeInForce.Fok => "FOK",
            _ => "GTC",
        };

    public static string Status(OrderStatus status) => status switch
    {
        OrderStatus.PartiallyFilled => "PARTIALLY_FILLED",
        OrderStatus.Filled => "FILLED",
        OrderStatus.Canceled or OrderStatus.PendingCancel => "CANCELED",
        OrderStatus.Expired => "EXPIRED",
        OrderStatus.Rejected or OrderStatus.Failed => "REJECTED",
        _ => "NEW",
    };

    private static long TrailingNumber(string id, char separator)
    {
        var start = id.LastIndexOf(separator) + 1;
        return long.Parse(id.AsSpan(start), NumberStyles.None, CultureInfo.InvariantCulture);
    }
}
