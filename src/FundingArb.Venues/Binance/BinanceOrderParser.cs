using System.Globalization;
using System.Text.Json;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;
using FundingArb.Trading.Positions;
using static FundingArb.Venues.Binance.BinanceJson;

namespace FundingArb.Venues.Binance;

// An order is rebuilt as its history: submitted and accepted at its update time, then its fills (from userTrades)
// in time order, then the venue's ending if it ended without filling. GTX is Binance's post-only; a MARKET order
// never rests, whatever timeInForce Binance echoes, so it is read back as IOC.

/// Reads Binance's orders, trades, positions and balances into the venue-neutral records.
internal static class BinanceOrderParser
{
    public static OrderStatus Status(string status) => status switch
    {
        "NEW" => OrderStatus.Open,
        "PARTIALLY_FILLED" => OrderStatus.PartiallyFilled,
        "FILLED" => OrderStatus.Filled,
        "CANCELED" => OrderStatus.Canceled,
        "EXPIRED" or "EXPIRED_IN_MATCH" => OrderStatus.Expired,
        "REJECTED" => OrderStatus.Rejected,
        _ => throw new FormatException($"Binance order status '{status}' is unknown."),
    };

    public static OrderSide Side(string side) => side switch
    {
        "BUY" => OrderSide.Buy,
        "SELL" => OrderSide.Sell,
        _ => throw new FormatException($"Binance side '{side}' is unknown."),
    };

    public static OrderAck Ack(JsonElement order) =>
        new(new ClientOrderId(String(order, "clientOrderId")), Long(order, "orderId").ToString(CultureInfo.InvariantCulture), Status(String(order, "status")),
            Decimal(order, "executedQty"), Time(order, "updateTime"));

    public static CancelAck CancelAck(JsonElement order) =>
        new(new ClientOrderId(String(order, "clientOrderId")), Status(String(order, "status")), Decimal(order, "executedQty"), Time(order, "updateTime"));

    public static TrackedOrder Order(JsonElement order, Instrument instrument, IEnumerable<JsonElement> trades)
    {
        var id = new ClientOrderId(String(order, "clientOrderId"));
        var at = Time(order, "updateTime");
        var tracked = TrackedOrder.Create(Request(order, id, instrument), at)
            .Apply(OrderEvent.Submitted(at))
            .Apply(OrderEvent.Accepted(Long(order, "orderId").ToString(CultureInfo.InvariantCulture), at));
        foreach (var trade in trades.OrderBy(t => Long(t, "time")).ThenBy(t => Long(t, "id")))
        {
            tracked = tracked.Apply(OrderEvent.Filled(Fill(trade, id)));
        }

        return Status(String(order, "status")) switch
        {
            OrderStatus.Canceled => tracked.Apply(OrderEvent.Canceled(at)),
            OrderStatus.Expired => tracked.Apply(OrderEvent.Expired(at)),
            _ => tracked,
        };
    }

    public static Fill Fill(JsonElement trade, ClientOrderId clientOrderId) =>
        new(Long(trade, "id").ToString(CultureInfo.InvariantCulture), clientOrderId, Side(String(trade, "side")), Decimal(trade, "price"), Decimal(trade, "qty"),
            new Money(Decimal(trade, "commission"), new Asset(String(trade, "commissionAsset"))), Bool(trade, "maker") ? LiquidityRole.Maker : LiquidityRole.Taker,
            Time(trade, "time"));

    /// Binance's position carries no realized, funding, fee or volume figures (the income history has them): zero here.
    public static PositionSummary? Position(VenueId venue, JsonElement position)
    {
        var amount = Decimal(position, "positionAmt");
        if (amount == 0m)
        {
            return null;
        }

        var entry = Decimal(position, "entryPrice");
        return new PositionSummary(new PositionKey(venue, new Symbol(String(position, "symbol"))), amount > 0m ? PositionSide.Long : PositionSide.Short,
            Math.Abs(amount), entry, Decimal(position, "breakEvenPrice"), Decimal(position, "markPrice"), Decimal(position, "unRealizedProfit"), 0m, 0m, 0m, 0m);
    }

    /// Binance reports what is available, not how the margin in use divides between positions and open orders:
    /// all of it is counted as position margin.
    public static VenueBalance Balance(JsonElement balance)
    {
        var wallet = Decimal(balance, "balance");
        var unrealized = Decimal(balance, "crossUnPnl");
        return new VenueBalance(new Asset(String(balance, "asset")), wallet, unrealized, wallet + unrealized - Decimal(balance, "availableBalance"), 0m);
    }

    private static OrderRequest Request(JsonElement order, ClientOrderId id, Instrument instrument)
    {
        var side = Side(String(order, "side"));
        var quantity = Decimal(order, "origQty");
        var reduceOnly = Bool(order, "reduceOnly");
        var timeInForce = String(order, "timeInForce");
        return String(order, "type") switch
        {
            "MARKET" => OrderRequest.Market(id, instrument, side, quantity, timeInForce == "FOK" ? TimeInForce.Fok : TimeInForce.Ioc, reduceOnly),
            "LIMIT" when timeInForce == "GTX" => OrderRequest.PostOnly(id, instrument, side, quantity, Decimal(order, "price"), reduceOnly),
            "LIMIT" => OrderRequest.Limit(id, instrument, side, quantity, Decimal(order, "price"), timeInForce switch
            {
                "IOC" => TimeInForce.Ioc,
                "FOK" => TimeInForce.Fok,
                _ => TimeInForce.Gtc,
            }, reduceOnly),
            var other => throw new FormatException($"Binance order type '{other}' is not traded by this connector."),
        };
    }
}
