using System.Text.Json.Nodes;
using FundingArb.Trading.Funding;
using FundingArb.Trading.Orders;
using FundingArb.Trading.Positions;
using FundingArb.Venues;
using static FundingArb.Exchange.Binance.BinanceWire;

namespace FundingArb.Exchange.Binance;

// One-way mode (positionSide BOTH) and cross margin, as the simulated venue runs. Figures the simulator does not
// keep are left out rather than invented: a trade's realizedPnl, a position's liquidation price (sent as "0", which
// Binance sends when there is none).

/// Binance's signed trading and account answers built from the simulated venue's records.
internal static class BinanceAccountPayloads
{
    public static JsonObject Order(TrackedOrder order)
    {
        var request = order.Request;
        return new JsonObject
        {
            ["orderId"] = OrderId(order.VenueOrderId!),
            ["symbol"] = request.Instrument.Symbol.Value,
            ["status"] = Status(order.Status),
            ["clientOrderId"] = order.ClientOrderId.Value,
            ["price"] = Text(request.Price ?? 0m),
            ["avgPrice"] = Text(order.AveragePrice ?? 0m),
            ["origQty"] = Text(request.Quantity),
            ["executedQty"] = Text(order.FilledQuantity),
            ["cumQty"] = Text(order.FilledQuantity),
            ["cumQuote"] = Text(order.FilledQuote),
            ["timeInForce"] = TimeInForce(request),
            ["type"] = Type(request.Type),
            ["reduceOnly"] = request.ReduceOnly,
            ["closePosition"] = false,
            ["side"] = Side(request.Side),
            ["positionSide"] = "BOTH",
            ["stopPrice"] = "0",
            ["workingType"] = "CONTRACT_PRICE",
            ["priceProtect"] = false,
            ["origType"] = Type(request.Type),
            ["priceMatch"] = "NONE",
            ["selfTradePreventionMode"] = "NONE",
            ["goodTillDate"] = 0,
            ["updateTime"] = Millis(order.UpdatedAt),
        };
    }

    public static JsonObject Trade(TrackedOrder order, Fill fill) => new()
    {
        ["buyer"] = fill.Side == OrderSide.Buy,
        ["commission"] = Text(fill.Fee.Amount),
        ["commissionAsset"] = fill.Fee.Asset.Code,
        ["id"] = TradeId(fill.TradeId),
        ["maker"] = fill.IsMaker,
        ["orderId"] = OrderId(order.VenueOrderId!),
        ["price"] = Text(fill.Price),
        ["qty"] = Text(fill.Quantity),
        ["quoteQty"] = Text(fill.Notional),
        ["side"] = Side(fill.Side),
        ["positionSide"] = "BOTH",
        ["symbol"] = order.Request.Instrument.Symbol.Value,
        ["time"] = Millis(fill.At),
    };

    public static JsonObject PositionRisk(PositionSummary position, decimal leverage, DateTimeOffset now)
    {
        var signed = position.Side == PositionSide.Short ? -position.Amount : position.Amount;
        return new JsonObject
        {
            ["symbol"] = position.Key.Symbol.Value,
            ["positionAmt"] = Text(signed),
            ["entryPrice"] = Text(position.AveragePrice ?? 0m),
            ["breakEvenPrice"] = Text(position.BreakevenPrice ?? 0m),
            ["markPrice"] = Text(position.MarkPrice),
            ["unRealizedProfit"] = Text(position.UnrealizedPnl),
            ["liquidationPrice"] = "0",
            ["leverage"] = Text(leverage),
            ["maxNotionalValue"] = "1000000000",
            ["marginType"] = "cross",
            ["isolatedMargin"] = "0",
            ["isAutoAddMargin"] = "false",
            ["positionSide"] = "BOTH",
            ["notional"] = Text(signed * position.MarkPrice),
            ["isolatedWallet"] = "0",
            ["updateTime"] = Millis(now),
        };
    }

    public static JsonObject Balance(VenueBalance balance, DateTimeOffset now) => new()
    {
        ["accountAlias"] = "SgsR",
        ["asset"] = balance.Asset.Code,
        ["balance"] = Text(balance.Wallet),
        ["crossWalletBalance"] = Text(balance.Wallet),
        ["crossUnPnl"] = Text(balance.UnrealizedPnl),
        ["availableBalance"] = Text(balance.Available),
        ["maxWithdrawAmount"] = Text(Math.Max(0m, Math.Min(balance.Wallet, balance.Available))),
        ["marginAvailable"] = true,
        ["updateTime"] = Millis(now),
    };

    /// TranId is the payment's position in the venue's funding log, counted from 1.
    public static JsonObject FundingIncome(FundingPayment payment, string asset, long tranId) => new()
    {
        ["symbol"] = payment.Symbol.Value,
        ["incomeType"] = "FUNDING_FEE",
        ["income"] = Text(payment.Amount),
        ["asset"] = asset,
        ["info"] = "FUNDING_FEE",
        ["time"] = Millis(payment.At),
        ["tranId"] = tranId,
        ["tradeId"] = string.Empty,
    };
}
