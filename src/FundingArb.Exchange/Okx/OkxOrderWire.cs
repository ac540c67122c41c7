using System.Text.Json.Nodes;
using FundingArb.Trading.Orders;
using FundingArb.Venues.Errors;
using FundingArb.Venues.Okx;

namespace FundingArb.Exchange.Okx;

// OKX has no "expired" or "rejected" state for a recorded order: an IOC, FOK or market remainder is canceled
// (cancelSource 14), a post-only that would take is canceled with cancelSource 31, the owner's cancel is cancelSource 1.
// Sizes are contracts; fees are negative when charged (OKX's sign), the opposite of Fill.Fee.

/// Orders and fills in OKX's shape: GET trade/order, orders-pending, trade/fills and the orders channel.
internal static class OkxOrderWire
{
    /// The order; fill is the one its fill fields report (the fill an orders push announces, the last one on REST), or none.
    public static JsonObject Order(TrackedOrder order, OrderStatus status, string? reason, Fill? fill)
    {
        var request = order.Request;
        var instrument = request.Instrument;
        var last = fill;
        return new JsonObject
        {
            ["instType"] = "SWAP",
            ["instId"] = OkxInstrumentIds.InstIdOf(instrument),
            ["ordId"] = order.VenueOrderId ?? string.Empty,
            ["clOrdId"] = order.ClientOrderId.Value,
            ["tag"] = string.Empty,
            ["px"] = request.Price is { } price ? OkxWire.Decimal(price) : string.Empty,
            ["sz"] = OkxWire.Decimal(OkxInstrumentIds.ToContracts(instrument, request.Quantity)),
            ["ordType"] = OrdType(request),
            ["side"] = request.Side == OrderSide.Buy ? "buy" : "sell",
            ["posSide"] = "net",
            ["tdMode"] = "cross",
            ["accFillSz"] = OkxWire.Decimal(OkxInstrumentIds.ToContracts(instrument, order.FilledQuantity)),
            ["avgPx"] = order.AveragePrice is { } average ? OkxWire.Decimal(average) : string.Empty,
            ["fillPx"] = last is null ? string.Empty : OkxWire.Decimal(last.Price),
            ["fillSz"] = last is null ? "0" : OkxWire.Decimal(OkxInstrumentIds.ToContracts(instrument, last.Quantity)),
            ["tradeId"] = last?.TradeId ?? string.Empty,
            ["fillTime"] = last is null ? string.Empty : OkxWire.Millis(last.At),
            ["fillFee"] = last is null ? "0" : OkxWire.Decimal(-last.Fee.Amount),
            ["fillFeeCcy"] = last?.Fee.Asset.Code ?? string.Empty,
            ["execType"] = last is null ? string.Empty : last.IsMaker ? "M" : "T",
            ["state"] = State(status),
            ["fee"] = OkxWire.Decimal(-order.FeesIn(instrument.Quote)),
            ["feeCcy"] = instrument.Quote.Code,
            ["cancelSource"] = CancelSource(status, reason),
            ["reduceOnly"] = request.ReduceOnly ? "true" : "false",
            ["cTime"] = OkxWire.Millis(order.Fills.IsDefaultOrEmpty ? order.UpdatedAt : order.Fills[0].At),
            ["uTime"] = OkxWire.Millis(order.UpdatedAt),
        };
    }

    /// One row of GET trade/fills.
    /// The order as REST lists it: the fill fields report its last fill.
    public static JsonObject Order(TrackedOrder order) =>
        Order(order, order.Status, order.Reason, order.Fills.IsDefaultOrEmpty ? null : order.Fills[^1]);

    public static JsonObject Fill(TrackedOrder order, Fill fill) => new()
    {
        ["instType"] = "SWAP",
        ["instId"] = OkxInstrumentIds.InstIdOf(order.Request.Instrument),
        ["tradeId"] = fill.TradeId,
        ["ordId"] = order.VenueOrderId ?? string.Empty,
        ["clOrdId"] = order.ClientOrderId.Value,
        ["fillPx"] = OkxWire.Decimal(fill.Price),
        ["fillSz"] = OkxWire.Decimal(OkxInstrumentIds.ToContracts(order.Request.Instrument, fill.Quantity)),
        ["side"] = fill.Side == OrderSide.Buy ? "buy" : "sell",
        ["posSide"] = "net",
        ["execType"] = fill.IsMaker ? "M" : "T",
        ["fee"] = OkxWire.Decimal(-fill.Fee.Amount),
        ["feeCcy"] = fill.Fee.Asset.Code,
        ["fillTime"] = OkxWire.Millis(fill.At),
        ["ts"] = OkxWire.Millis(fill.At),
    };

    public static string OrdType(OrderRequest request) => request switch
    {
        { Type: OrderType.Market } => "market",
        { IsPostOnly: true } => "post_only",
        { TimeInForce: TimeInForce.Ioc } => "ioc",
        { TimeInForce: TimeInForce.Fok } => "fok",
        _ => "limit",
    };

    private static string State(OrderStatus status) => status switch
    {
        OrderStatus.Initialized or OrderStatus.Submitted or OrderStatus.Open or OrderStatus.PendingCancel => "live",
        OrderStatus.PartiallyFilled => "partially_filled",
        OrderStatus.Filled => "filled",
        OrderStatus.Canceled or OrderStatus.Expired or OrderStatus.Rejected or OrderStatus.Failed => "canceled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown order status."),
    };

    private static string CancelSource(OrderStatus status, string? reason) => status switch
    {
        _ when string.Equals(reason, nameof(VenueError.PostOnlyWouldCross), StringComparison.Ordinal) => OkxCode.PostOnlyCancelSource,
        OrderStatus.Canceled => OkxCode.UserCancelSource,
        OrderStatus.Expired or OrderStatus.Rejected or OrderStatus.Failed => OkxCode.UnfilledCancelSource,
        _ => string.Empty,
    };
}
