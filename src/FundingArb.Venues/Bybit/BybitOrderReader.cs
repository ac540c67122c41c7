using System.Text.Json;
using FundingArb.Trading.Funding;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;
using FundingArb.Trading.Positions;
using FundingArb.Venues.Errors;

namespace FundingArb.Venues.Bybit;

// Bybit has no "expired": an IOC, FOK or market remainder comes back Cancelled (or PartiallyFilledCanceled) without
// CancelByUser, and is read as Expired here; a post-only that would have taken is Cancelled with
// EC_PostOnlyWillTakeLiquidity and is read as Canceled with reason PostOnlyWouldCross, as the simulated venue says it.

/// Bybit's orders and executions (REST lists and the order and execution topics) as this library's types.
internal static class BybitOrderReader
{
    /// feeCurrency is empty on older rows; the fee is then in the market's settle coin.
    public static Fill Fill(JsonElement execution, Asset? settleCoin) => new(
        BybitJson.Text(execution, "execId"),
        OrderId(execution),
        Side(execution),
        BybitJson.Decimal(execution, "execPrice"),
        BybitJson.Decimal(execution, "execQty"),
        new Money(BybitJson.Decimal(execution, "execFee"), FeeAsset(execution, settleCoin)),
        BybitJson.Flag(execution, "isMaker") ? LiquidityRole.Maker : LiquidityRole.Taker,
        BybitJson.Millis(execution, "execTime"));

    /// A Funding execution: execFee is positive when paid, so the payment's Amount (positive when received) is its negation.
    public static FundingPayment Funding(VenueId venue, JsonElement execution) => new(
        venue,
        new Symbol(BybitJson.Text(execution, "symbol")),
        Side(execution) == OrderSide.Buy ? PositionSide.Long : PositionSide.Short,
        BybitJson.Decimal(execution, "execQty"),
        BybitJson.Decimal(execution, "execPrice"),
        BybitJson.Decimal(execution, "feeRate"),
        -BybitJson.Decimal(execution, "execFee"),
        BybitJson.Millis(execution, "execTime"));

    public static bool IsFunding(JsonElement execution) => BybitJson.Text(execution, "execType") == "Funding";

    public static bool IsTrade(JsonElement execution) => BybitJson.Text(execution, "execType") == "Trade";

    public static bool IsLiquidation(JsonElement execution) => BybitJson.Text(execution, "execType") == "BustTrade";

    /// A BustTrade execution: the venue closed the position (a Sell closes a long, so Quantity is positive). Bybit does not
    /// report its insurance fund's cover, so InsuranceCover is zero; execPnl is the realised PnL.
    public static PositionLiquidated Liquidated(VenueId venue, long sequence, JsonElement execution)
    {
        var quantity = BybitJson.Decimal(execution, "execQty");
        return new PositionLiquidated(venue, sequence, BybitJson.Millis(execution, "execTime"), new Symbol(BybitJson.Text(execution, "symbol")),
            Side(execution) == OrderSide.Sell ? quantity : -quantity, BybitJson.Decimal(execution, "execPrice"),
            execution.TryGetProperty("execPnl", out _) ? BybitJson.Decimal(execution, "execPnl") : 0m, 0m);
    }

    /// The order as its events would have built it: accepted, its fills in time order, then how it ended.
    public static TrackedOrder Order(JsonElement order, Instrument instrument, IEnumerable<Fill> fills)
    {
        var created = BybitJson.Millis(order, "createdTime");
        var tracked = TrackedOrder.Create(Request(order, instrument), created).Apply(OrderEvent.Submitted(created));
        if (BybitJson.Text(order, "orderStatus") == "Rejected")
        {
            return tracked.Apply(OrderEvent.Rejected(BybitJson.Text(order, "rejectReason"), BybitJson.Millis(order, "updatedTime")));
        }

        tracked = tracked.Apply(OrderEvent.Accepted(BybitJson.Text(order, "orderId"), created));
        foreach (var fill in fills.OrderBy(f => f.At))
        {
            tracked = tracked.Apply(OrderEvent.Filled(fill));
        }

        return Ending(order) is { } ending && !tracked.IsTerminal ? tracked.Apply(ending) : tracked;
    }

    /// An order-topic item as a user event, or null for the states the execution topic reports (fills) or none.
    public static OrderUpdated? Update(VenueId venue, long sequence, JsonElement order)
    {
        var at = BybitJson.Millis(order, "updatedTime");
        var symbol = new Symbol(BybitJson.Text(order, "symbol"));
        var id = OrderId(order);
        if (BybitJson.Text(order, "orderStatus") == "New")
        {
            return new OrderUpdated(venue, sequence, at, symbol, id, OrderEvent.Accepted(BybitJson.Text(order, "orderId"), at), OrderStatus.Open);
        }

        var ending = Ending(order);
        return ending is null ? null : new OrderUpdated(venue, sequence, at, symbol, id, ending, ending.Kind switch
        {
            OrderEventKind.Expired => OrderStatus.Expired,
            OrderEventKind.Rejected => OrderStatus.Rejected,
            _ => OrderStatus.Canceled,
        });
    }

    /// A Trade execution as a fill; the order's cumulative fill is its quantity less what it still leaves.
    public static OrderFilled Filled(VenueId venue, long sequence, JsonElement execution, Asset? settleCoin)
    {
        var fill = Fill(execution, settleCoin);
        var leaves = BybitJson.Decimal(execution, "leavesQty");
        return new OrderFilled(venue, sequence, fill.At, new Symbol(BybitJson.Text(execution, "symbol")), fill,
            BybitJson.Decimal(execution, "orderQty") - leaves, leaves == 0m ? OrderStatus.Filled : OrderStatus.PartiallyFilled);
    }

    private static Asset FeeAsset(JsonElement execution, Asset? settleCoin) =>
        BybitJson.Text(execution, "feeCurrency") is { Length: > 0 } fee ? new Asset(fee)
        : settleCoin ?? throw BybitJson.Malformed("feeCurrency", execution);

    private static OrderEvent? Ending(JsonElement order)
    {
        var at = BybitJson.Millis(order, "updatedTime");
        switch (BybitJson.Text(order, "orderStatus"))
        {
            case "Rejected":
                return OrderEvent.Rejected(BybitJson.Text(order, "rejectReason"), at);
            case "Cancelled" or "PartiallyFilledCanceled" or "Deactivated":
                if (BybitJson.Text(order, "rejectReason") == BybitRejectReason.PostOnlyWillTakeLiquidity)
                {
                    return OrderEvent.Canceled(at, nameof(VenueError.PostOnlyWouldCross));
                }

                var byUser = BybitJson.Text(order, "cancelType") == "CancelByUser";
                var immediate = BybitJson.Text(order, "orderType") == "Market" || BybitJson.Text(order, "timeInForce") is "IOC" or "FOK";
                return !byUser && immediate ? OrderEvent.Expired(at) : OrderEvent.Canceled(at);
            default:
                return null;
        }
    }

    /// Our orders always carry an orderLinkId; one placed without (by hand, on the venue's site) is known by its orderId.
    public static ClientOrderId OrderId(JsonElement item) =>
        new(BybitJson.Text(item, "orderLinkId") is { Length: > 0 } linkId ? linkId : BybitJson.Text(item, "orderId"));

    private static OrderRequest Request(JsonElement order, Instrument instrument)
    {
        var id = OrderId(order);
        var side = Side(order);
        var quantity = BybitJson.Decimal(order, "qty");
        var reduceOnly = BybitJson.Flag(order, "reduceOnly");
        var timeInForce = BybitJson.Text(order, "timeInForce");
        if (BybitJson.Text(order, "orderType") == "Market")
        {
            return OrderRequest.Market(id, instrument, side, quantity, timeInForce == "FOK" ? TimeInForce.Fok : TimeInForce.Ioc, reduceOnly);
        }

        var price = BybitJson.Decimal(order, "price");
        return timeInForce switch
        {
            "PostOnly" => OrderRequest.PostOnly(id, instrument, side, quantity, price, reduceOnly),
            "IOC" => OrderRequest.Limit(id, instrument, side, quantity, price, TimeInForce.Ioc, reduceOnly),
            "FOK" => OrderRequest.Limit(id, instrument, side, quantity, price, TimeInForce.Fok, reduceOnly),
            _ => OrderRequest.Limit(id, instrument, side, quantity, price, TimeInForce.Gtc, reduceOnly),
        };
    }

    private static OrderSide Side(JsonElement item) => BybitJson.Text(item, "side") switch
    {
        "Buy" => OrderSide.Buy,
        "Sell" => OrderSide.Sell,
        var other => throw new FormatException($"Bybit field side is '{other}', not Buy or Sell."),
    };
}
