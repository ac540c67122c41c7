using System.Globalization;
using System.Text.Json.Nodes;
using FundingArb.Trading.Funding;
using FundingArb.Trading.Orders;
using FundingArb.Trading.Positions;
using FundingArb.Venues;
using static FundingArb.Exchange.Binance.BinanceWire;

namespace FundingArb.Exchange.Binance;

// A liquidation is reported as Binance reports it: an ORDER_TRADE_UPDATE of order type LIQUIDATION whose client id
// starts with "autoclose-", filled at once.

/// The user-data stream's events (ORDER_TRADE_UPDATE, ACCOUNT_UPDATE) built from the simulated venue's user events.
internal static class BinanceUserStreamPayloads
{
    public static JsonObject OrderUpdate(OrderRequest request, long orderId, string executionType, OrderStatus status, decimal filledQuantity,
        decimal averagePrice, DateTimeOffset at) =>
        Envelope(at, Order(request.Instrument.Symbol.Value, request.ClientOrderId.Value, Side(request.Side), Type(request.Type), TimeInForce(request),
            request.Quantity, request.Price ?? 0m, executionType, Status(status), orderId, filledQuantity, averagePrice, request.ReduceOnly,
            request.Instrument.Quote.Code, at));

    /// Pushed when the stream's listen key lapses; Binance sends E as a string in this one event.
    public static JsonObject ListenKeyExpired(string listenKey, DateTimeOffset at) => new()
    {
        ["e"] = "listenKeyExpired",
        ["E"] = at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        ["listenKey"] = listenKey,
    };

    public static JsonObject Trade(OrderRequest request, long orderId, OrderFilled filled, decimal averagePrice)
    {
        var fill = filled.Fill;
        var order = Order(request.Instrument.Symbol.Value, request.ClientOrderId.Value, Side(request.Side), Type(request.Type), TimeInForce(request),
            request.Quantity, request.Price ?? 0m, "TRADE", Status(filled.Status), orderId, filled.FilledQuantity, averagePrice, request.ReduceOnly,
            fill.Fee.Asset.Code, filled.At);
        order["l"] = Text(fill.Quantity);
        order["L"] = Text(fill.Price);
        order["n"] = Text(fill.Fee.Amount);
        order["N"] = fill.Fee.Asset.Code;
        order["t"] = TradeId(fill.TradeId);
        order["m"] = fill.IsMaker;
        return Envelope(filled.At, order);
    }

    public static JsonObject Liquidation(PositionLiquidated liquidated, string quoteAsset)
    {
        var quantity = Math.Abs(liquidated.Quantity);
        var order = Order(liquidated.Symbol.Value, string.Create(CultureInfo.InvariantCulture, $"autoclose-{liquidated.Sequence}"),
            liquidated.Quantity > 0m ? "SELL" : "BUY", "LIQUIDATION", "IOC", quantity, liquidated.Price, "TRADE", "FILLED", 0, quantity,
            liquidated.Price, reduceOnly: true, quoteAsset, liquidated.At);
        order["l"] = Text(quantity);
        order["L"] = Text(liquidated.Price);
        order["rp"] = Text(liquidated.RealizedPnl);
        return Envelope(liquidated.At, order);
    }

    /// A funding payment: the balance change and the position it was paid on (one-way mode, cross margin).
    public static JsonObject FundingFee(FundingPayment payment, string asset, decimal walletAfter, decimal entryPrice) => new()
    {
        ["e"] = "ACCOUNT_UPDATE",
        ["E"] = Millis(payment.At),
        ["T"] = Millis(payment.At),
        ["a"] = new JsonObject
        {
            ["m"] = "FUNDING_FEE",
            ["B"] = new JsonArray(new JsonObject
            {
                ["a"] = asset, ["wb"] = Text(walletAfter), ["cw"] = Text(walletAfter), ["bc"] = Text(payment.Amount),
            }),
            ["P"] = new JsonArray(new JsonObject
            {
                ["s"] = payment.Symbol.Value,
                ["pa"] = Text(payment.Side == PositionSide.Short ? -payment.Size : payment.Size),
                ["ep"] = Text(entryPrice),
                ["cr"] = "0",
                ["up"] = Text((payment.Price - entryPrice) * (payment.Side == PositionSide.Short ? -payment.Size : payment.Size)),
                ["mt"] = "cross",
                ["iw"] = "0",
                ["ps"] = "BOTH",
            }),
        },
    };

    private static JsonObject Envelope(DateTimeOffset at, JsonObject order) => new()
    {
        ["e"] = "ORDER_TRADE_UPDATE", ["E"] = Millis(at), ["T"] = Millis(at), ["o"] = order,
    };

    private static JsonObject Order(string symbol, string clientOrderId, string side, string type, string timeInForce, decimal quantity, decimal price,
        string executionType, string status, long orderId, decimal filledQuantity, decimal averagePrice, bool reduceOnly, string commissionAsset,
        DateTimeOffset at) => new()
    {
        ["s"] = symbol,
        ["c"] = clientOrderId,
        ["S"] = side,
        ["o"] = type,
        ["f"] = timeInForce,
        ["q"] = Text(quantity),
        ["p"] = Text(price),
        ["ap"] = Text(averagePrice),
        ["sp"] = "0",
        ["x"] = executionType,
        ["X"] = status,
        ["i"] = orderId,
        ["l"] = "0",
        ["z"] = Text(filledQuantity),
        ["L"] = "0",
        ["n"] = "0",
        ["N"] = commissionAsset,
        ["T"] = Millis(at),
        ["t"] = 0,
        ["b"] = "0",
        ["a"] = "0",
        ["m"] = false,
        ["R"] = reduceOnly,
        ["wt"] = "CONTRACT_PRICE",
        ["ot"] = type,
        ["ps"] = "BOTH",
        ["cp"] = false,
        ["rp"] = "0",
        ["pP"] = false,
        ["si"] = 0,
        ["ss"] = 0,
        ["V"] = "NONE",
        ["pm"] = "NONE",
        ["gtd"] = 0,
    };
}
