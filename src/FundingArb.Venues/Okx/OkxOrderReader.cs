using System.Text.Json;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;
using FundingArb.Venues.Errors;

namespace FundingArb.Venues.Okx;

// OKX has no "expired": an IOC, FOK or market remainder comes back canceled without cancelSource 1 and is read as
// Expired here; a post-only that would have taken is canceled with cancelSource 31 and is read as Canceled with reason
// PostOnlyWouldCross, as the simulated venue says it. Sizes are contracts (× ctVal for base units); fees are negative
// when charged, the opposite of Fill.Fee.

/// OKX's orders and fills (REST and the orders channel) as this library's types.
internal static class OkxOrderReader
{
    /// A trade/fills row.
    public static Fill Fill(JsonElement row, Instrument instrument, ClientOrderId id) => new(
        OkxJson.Text(row, "tradeId"),
        id,
        Side(row),
        OkxJson.Decimal(row, "fillPx"),
        OkxJson.Decimal(row, "fillSz") * instrument.Rules.ContractMultiplier,
        new Money(-OkxJson.Decimal(row, "fee"), new Asset(OkxJson.Text(row, "feeCcy"))),
        OkxJson.Text(row, "execType") == "M" ? LiquidityRole.Maker : LiquidityRole.Taker,
        OkxJson.Millis(row, "fillTime"));

    /// The order as its events would have built it: accepted, its fills in time order, then how it ended.
    public static TrackedOrder Order(JsonElement order, Instrument instrument, IEnumerable<Fill> fills)
    {
        var created = OkxJson.Millis(order, "cTime");
        var tracked = TrackedOrder.Create(Request(order, instrument), created).Apply(OrderEvent.Submitted(created))
            .Apply(OrderEvent.Accepted(OkxJson.Text(order, "ordId"), created));
        foreach (var fill in fills.OrderBy(f => f.At))
        {
            tracked = tracked.Apply(OrderEvent.Filled(fill));
        }

        return Ending(order) is { } ending && !tracked.IsTerminal ? tracked.Apply(ending) : tracked;
    }

    /// An orders push as user events: the fill it announces (fillSz above zero) and then, if it ended the order, the
    /// ending; a live order without a fill is its acceptance.
    public static IEnumerable<UserEvent> Events(VenueId venue, Instrument instrument, JsonElement order, Func<long> nextSequence)
    {
        var at = OkxJson.Millis(order, "uTime");
        var id = OkxClientOrderIds.FromWire(OkxJson.Text(order, "clOrdId"));
        var state = OkxJson.Text(order, "state");
        var contract = instrument.Rules.ContractMultiplier;
        if ((OkxJson.OptionalDecimal(order, "fillSz") ?? 0m) > 0m)
        {
            var fill = new Fill(OkxJson.Text(order, "tradeId"), id, Side(order), OkxJson.Decimal(order, "fillPx"),
                OkxJson.Decimal(order, "fillSz") * contract, new Money(-OkxJson.Decimal(order, "fillFee"), new Asset(OkxJson.Text(order, "fillFeeCcy"))),
                OkxJson.Text(order, "execType") == "M" ? LiquidityRole.Maker : LiquidityRole.Taker, OkxJson.Millis(order, "fillTime"));
            yield return new OrderFilled(venue, nextSequence(), fill.At, instrument.Symbol, fill, OkxJson.Decimal(order, "accFillSz") * contract,
                state == "filled" ? OrderStatus.Filled : OrderStatus.PartiallyFilled);
        }
        else if (state == "live")
        {
            yield return new OrderUpdated(venue, nextSequence(), at, instrument.Symbol, id, OrderEvent.Accepted(OkxJson.Text(order, "ordId"), at),
                OrderStatus.Open);
        }

        if (Ending(order) is { } ending)
        {
            yield return new OrderUpdated(venue, nextSequence(), at, instrument.Symbol, id, ending,
                ending.Kind == OrderEventKind.Expired ? OrderStatus.Expired : OrderStatus.Canceled);
        }
    }

    private static OrderEvent? Ending(JsonElement order)
    {
        if (OkxJson.Text(order, "state") is not ("canceled" or "mmp_canceled"))
        {
            return null;
        }

        var at = OkxJson.Millis(order, "uTime");
        var source = OkxJson.Text(order, "cancelSource");
        if (source == OkxCode.PostOnlyCancelSource)
        {
            return OrderEvent.Canceled(at, nameof(VenueError.PostOnlyWouldCross));
        }

        var immediate = OkxJson.Text(order, "ordType") is "market" or "ioc" or "fok";
        return source != OkxCode.UserCancelSource && immediate ? OrderEvent.Expired(at) : OrderEvent.Canceled(at);
    }

    private static OrderRequest Request(JsonElement order, Instrument instrument)
    {
        var id = OkxClientOrderIds.FromWire(OkxJson.Text(order, "clOrdId"));
        var side = Side(order);
        var quantity = OkxJson.Decimal(order, "sz") * instrument.Rules.ContractMultiplier;
        var reduceOnly = OkxJson.Text(order, "reduceOnly") == "true";
        return OkxJson.Text(order, "ordType") switch
        {
            "market" => OrderRequest.Market(id, instrument, side, quantity, TimeInForce.Ioc, reduceOnly),
            "post_only" => OrderRequest.PostOnly(id, instrument, side, quantity, OkxJson.Decimal(order, "px"), reduceOnly),
            "ioc" => OrderRequest.Limit(id, instrument, side, quantity, OkxJson.Decimal(order, "px"), TimeInForce.Ioc, reduceOnly),
            "fok" => OrderRequest.Limit(id, instrument, side, quantity, OkxJson.Decimal(order, "px"), TimeInForce.Fok, reduceOnly),
            "limit" => OrderRequest.Limit(id, instrument, side, quantity, OkxJson.Decimal(order, "px"), TimeInForce.Gtc, reduceOnly),
            var other => throw new FormatException($"OKX field ordType is '{other}', not one this connector places."),
        };
    }

    private static OrderSide Side(JsonElement item) => OkxJson.Text(item, "side") switch
    {
        "buy" => OrderSide.Buy,
        "sell" => OrderSide.Sell,
        var other => throw new FormatException($"OKX field side is '{other}', not buy or sell."),
    };
}
