using System.Collections.Immutable;
using FundingArb.Trading.Economics;
using FundingArb.Trading.Funding;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;
using FundingArb.Trading.Positions;

namespace FundingArb.Venues.Simulation.Snapshots;

/// Domain values to snapshot values and back; every conversion is exact (decimals stay decimals).
internal static class SnapshotMapping
{
    public static OrderEventSnapshot ToSnapshot(OrderEvent orderEvent) => new()
    {
        Kind = orderEvent.Kind,
        At = orderEvent.At,
        VenueOrderId = orderEvent.VenueOrderId,
        Reason = orderEvent.Reason,
        TradeId = orderEvent.Fill?.TradeId,
        Price = orderEvent.Fill?.Price,
        Quantity = orderEvent.Fill?.Quantity,
        Fee = orderEvent.Fill?.Fee.Amount,
        FeeAsset = orderEvent.Fill?.Fee.Asset.Code,
        Role = orderEvent.Fill?.Role,
    };

    public static OrderEvent FromSnapshot(OrderEventSnapshot e, OrderRequest request) => e.Kind switch
    {
        OrderEventKind.Submitted => OrderEvent.Submitted(e.At),
        OrderEventKind.Accepted => OrderEvent.Accepted(Required(e.VenueOrderId), e.At),
        OrderEventKind.Rejected => OrderEvent.Rejected(Required(e.Reason), e.At),
        OrderEventKind.Filled => OrderEvent.Filled(new Fill(Required(e.TradeId), request.ClientOrderId, request.Side, Required(e.Price),
            Required(e.Quantity), new Money(Required(e.Fee), new Asset(Required(e.FeeAsset))), Required(e.Role), e.At)),
        OrderEventKind.CancelRequested => OrderEvent.CancelRequested(e.At),
        OrderEventKind.CancelRejected => OrderEvent.CancelRejected(Required(e.Reason), e.At),
        OrderEventKind.Canceled => OrderEvent.Canceled(e.At, e.Reason),
        OrderEventKind.Expired => OrderEvent.Expired(e.At, e.Reason),
        OrderEventKind.Failed => OrderEvent.Failed(Required(e.Reason), e.At),
        _ => throw new FormatException($"Unknown order event kind {e.Kind}."),
    };

    public static OrderSnapshot ToSnapshot(OrderRecord record) => new()
    {
        ClientOrderId = record.Request.ClientOrderId.Value,
        Symbol = record.Request.Instrument.Symbol.Value,
        Side = record.Request.Side,
        Type = record.Request.Type,
        Quantity = record.Request.Quantity,
        Price = record.Request.Price,
        TimeInForce = record.Request.TimeInForce,
        ReduceOnly = record.Request.ReduceOnly,
        Number = record.Number,
        FillCap = record.FillCap,
        IsResting = record.IsResting,
        CreatedAt = record.History[0].At,
        ArrivalMid = record.ArrivalMid,
        Events = [.. record.History.Select(ToSnapshot)],
    };

    public static OrderRequest ToRequest(OrderSnapshot order, Instrument instrument) => new(new ClientOrderId(order.ClientOrderId), instrument,
        order.Side, order.Type, order.Quantity, order.Price, order.TimeInForce, order.ReduceOnly);

    public static PositionSnapshot ToSnapshot(PositionHold hold) => new(hold.NetQuantity, hold.CostBasis, hold.RealizedPnl, hold.FundingPnl,
        hold.Fees, hold.Volume, hold.BoughtQuantity, hold.SoldQuantity);

    public static PositionHold FromSnapshot(PositionSnapshot p, Instrument instrument) => PositionHold.Restore(
        new PositionKey(instrument.Venue, instrument.Symbol), instrument.Quote, p.NetQuantity, p.CostBasis, p.RealizedPnl, p.FundingPnl,
        p.Fees, p.Volume, p.BoughtQuantity, p.SoldQuantity);

    public static FundingPaymentSnapshot ToSnapshot(FundingPayment p) => new(p.Symbol.Value, p.Side, p.Size, p.Price, p.Rate, p.Amount, p.At);

    public static FundingPayment FromSnapshot(FundingPaymentSnapshot p, VenueId venue) =>
        new(venue, new Symbol(p.Symbol), p.Side, p.Size, p.Price, p.Rate, p.Amount, p.At);

    public static FundingSettlementSnapshot ToSnapshot(FundingSettlement s) => new(s.Symbol.Value, s.Rate.Rate, s.Rate.Interval, s.At, s.BasisPrice);

    public static FundingSettlement FromSnapshot(FundingSettlementSnapshot s, Instrument instrument) =>
        new(instrument.Venue, instrument.Symbol, instrument.Base, new FundingRate(s.Rate, s.Interval), s.At) { BasisPrice = s.BasisPrice };

    public static ImmutableArray<AssetAmount> ToSnapshot(Dictionary<Asset, decimal> amounts) =>
        [.. amounts.Select(p => new AssetAmount(p.Key.Code, p.Value))];

    private static T Required<T>(T? value)
        where T : class => value ?? throw new FormatException("A snapshot event lacks a field its kind requires.");

    private static T Required<T>(T? value)
        where T : struct => value ?? throw new FormatException("A snapshot event lacks a field its kind requires.");
}
