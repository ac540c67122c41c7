using System.Text.Json.Nodes;
using FundingArb.Trading.Funding;
using FundingArb.Trading.Orders;
using FundingArb.Trading.Positions;
using FundingArb.Venues;
using FundingArb.Venues.Bybit;
using FundingArb.Venues.Errors;

namespace FundingArb.Exchange.Bybit;

// Bybit has no "expired": an IOC or market remainder is Cancelled (cancelType UNKNOWN), a post-only that would take is
// Cancelled with rejectReason EC_PostOnlyWillTakeLiquidity, and a cancel after fills is PartiallyFilledCanceled.

/// Orders and executions in Bybit's shape (order/realtime, execution/list and the order and execution topics).
internal static class BybitOrderWire
{
    public static JsonObject Order(TrackedOrder order, OrderStatus status, string? reason)
    {
        var request = order.Request;
        var filled = order.FilledQuantity;
        var venueCancelled = status is OrderStatus.Expired || (status is OrderStatus.Canceled && reason is not null);
        return new JsonObject
        {
            ["category"] = "linear",
            ["orderId"] = order.VenueOrderId ?? string.Empty,
            ["orderLinkId"] = order.ClientOrderId.Value,
            ["symbol"] = request.Instrument.Symbol.Value,
            ["side"] = BybitWire.Side(request.Side),
            ["orderType"] = request.Type == OrderType.Market ? "Market" : "Limit",
            ["timeInForce"] = TimeInForce(request),
            ["price"] = BybitWire.Decimal(request.Price ?? 0m),
            ["qty"] = BybitWire.Decimal(request.Quantity),
            ["reduceOnly"] = request.ReduceOnly,
            ["positionIdx"] = 0,
            ["orderStatus"] = Status(status, filled),
            ["cancelType"] = status is OrderStatus.Canceled or OrderStatus.Expired ? (venueCancelled ? "UNKNOWN" : "CancelByUser") : "UNKNOWN",
            ["rejectReason"] = string.Equals(reason, nameof(VenueError.PostOnlyWouldCross), StringComparison.Ordinal) ? BybitRejectReason.PostOnlyWillTakeLiquidity : BybitRejectReason.NoError,
            ["avgPrice"] = BybitWire.Decimal(order.AveragePrice ?? 0m),
            ["cumExecQty"] = BybitWire.Decimal(filled),
            ["cumExecValue"] = BybitWire.Decimal(order.FilledQuote),
            ["cumExecFee"] = BybitWire.Decimal(order.FeesIn(request.Instrument.Quote)),
            ["leavesQty"] = BybitWire.Decimal(OrderStateMachine.IsTerminal(status) ? 0m : order.UnfilledQuantity),
            ["createdTime"] = BybitWire.MillisText(order.Fills.IsDefaultOrEmpty ? order.UpdatedAt : order.Fills[0].At),
            ["updatedTime"] = BybitWire.MillisText(order.UpdatedAt),
        };
    }

    /// A trade execution; leavesQty is what the order had left once this fill counted.
    public static JsonObject Trade(TrackedOrder order, Fill fill, decimal filledAfter) => new()
    {
        ["category"] = "linear",
        ["symbol"] = order.Request.Instrument.Symbol.Value,
        ["execType"] = "Trade",
        ["execId"] = fill.TradeId,
        ["orderId"] = order.VenueOrderId ?? string.Empty,
        ["orderLinkId"] = order.ClientOrderId.Value,
        ["side"] = BybitWire.Side(fill.Side),
        ["orderType"] = order.Request.Type == OrderType.Market ? "Market" : "Limit",
        ["orderPrice"] = BybitWire.Decimal(order.Request.Price ?? 0m),
        ["orderQty"] = BybitWire.Decimal(order.Request.Quantity),
        ["leavesQty"] = BybitWire.Decimal(order.Request.Quantity - filledAfter),
        ["execPrice"] = BybitWire.Decimal(fill.Price),
        ["execQty"] = BybitWire.Decimal(fill.Quantity),
        ["execValue"] = BybitWire.Decimal(fill.Notional),
        ["execFee"] = BybitWire.Decimal(fill.Fee.Amount),
        ["feeCurrency"] = fill.Fee.Asset.Code,
        ["feeRate"] = BybitWire.Decimal(fill.Fee.Amount / fill.Notional),
        ["isMaker"] = fill.IsMaker,
        ["execTime"] = BybitWire.MillisText(fill.At),
    };

    /// A funding settlement as execution/list and the execution topic report it: execFee positive when paid, the opposite
    /// sign to the payment's Amount; side is the position's (Buy for a long); execQty the size, execPrice the basis price.
    public static JsonObject Funding(FundingPayment payment, string settleCoin) => new()
    {
        ["category"] = "linear",
        ["symbol"] = payment.Symbol.Value,
        ["execType"] = "Funding",
        ["execId"] = $"funding-{payment.Symbol.Value}-{BybitWire.MillisText(payment.At)}",
        ["orderId"] = string.Empty,
        ["orderLinkId"] = string.Empty,
        ["side"] = payment.Side == PositionSide.Long ? "Buy" : "Sell",
        ["orderType"] = "UNKNOWN",
        ["execPrice"] = BybitWire.Decimal(payment.Price),
        ["execQty"] = BybitWire.Decimal(payment.Size),
        ["execValue"] = BybitWire.Decimal(payment.Size * payment.Price),
        ["execFee"] = BybitWire.Decimal(-payment.Amount),
        ["feeCurrency"] = settleCoin,
        ["feeRate"] = BybitWire.Decimal(payment.Rate),
        ["isMaker"] = false,
        ["execTime"] = BybitWire.MillisText(payment.At),
    };

    /// A liquidation as Bybit reports it: a BustTrade execution that closes the position at the bankruptcy fill, with
    /// its realised PnL in execPnl. Bybit does not say what its insurance fund covered.
    public static JsonObject Liquidation(PositionLiquidated liquidation, string settleCoin)
    {
        var quantity = Math.Abs(liquidation.Quantity);
        var id = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"liquidation-{liquidation.Sequence}");
        return new JsonObject
        {
            ["category"] = "linear",
            ["symbol"] = liquidation.Symbol.Value,
            ["execType"] = "BustTrade",
            ["execId"] = id,
            ["orderId"] = id,
            ["orderLinkId"] = string.Empty,
            ["side"] = liquidation.Quantity > 0m ? "Sell" : "Buy",
            ["orderType"] = "Market",
            ["orderPrice"] = BybitWire.Decimal(liquidation.Price),
            ["orderQty"] = BybitWire.Decimal(quantity),
            ["leavesQty"] = "0",
            ["execPrice"] = BybitWire.Decimal(liquidation.Price),
            ["execQty"] = BybitWire.Decimal(quantity),
            ["execValue"] = BybitWire.Decimal(quantity * liquidation.Price),
            ["execFee"] = "0",
            ["feeCurrency"] = settleCoin,
            ["feeRate"] = "0",
            ["execPnl"] = BybitWire.Decimal(liquidation.RealizedPnl),
            ["closedSize"] = BybitWire.Decimal(quantity),
            ["isMaker"] = false,
            ["execTime"] = BybitWire.MillisText(liquidation.At),
        };
    }

    private static string TimeInForce(OrderRequest request) => request.IsPostOnly
        ? "PostOnly"
        : request.TimeInForce switch
        {
            Trading.Orders.TimeInForce.Ioc => "IOC",
            Trading.Orders.TimeInForce.Fok => "FOK",
            _ => "GTC",
        };

    private static string Status(OrderStatus status, decimal filled) => status switch
    {
        OrderStatus.Initialized or OrderStatus.Submitted => "Created",
        OrderStatus.Open or OrderStatus.PendingCancel => "New",
        OrderStatus.PartiallyFilled => "PartiallyFilled",
        OrderStatus.Filled => "Filled",
        OrderStatus.Canceled or OrderStatus.Expired => filled > 0m ? "PartiallyFilledCanceled" : "Cancelled",
        OrderStatus.Rejected or OrderStatus.Failed => "Rejected",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown order status."),
    };
}
