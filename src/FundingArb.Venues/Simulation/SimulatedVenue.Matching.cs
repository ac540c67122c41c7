using System.Globalization;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;

namespace FundingArb.Venues.Simulation;

// Matching rules (docs/venues.md, BookMatching): a taker walks the generated book level by level, one fill per level
// at that level's price, and consumes it for the rest of the step. A resting limit order fills as maker at its own
// price only when the opposite touch moves strictly through it (at exactly its price it may still be behind the
// queue), against the opposite levels beyond its price. Our own orders never match each other and are not shown in
// the book.

public sealed partial class SimulatedVenue : IFillSink<OrderRecord>
{
    private long _tradeNumber;

    private void Execute(OrderRecord record)
    {
        var request = record.Request;
        var book = record.Market.Book;
        decimal? limit = request.Type == OrderType.Market ? null : book.Price(record.PriceTicks);
        if (request.Type != OrderType.LimitMaker)
        {
            if (request.TimeInForce == TimeInForce.Fok
                && (FillRoom(record) < request.Quantity || BookMatching.TakerLiquidity(book, request.Side, limit) < request.Quantity))
            {
                Expire(record, "FOK: not enough liquidity to fill it all");
                return;
            }

            BookMatching.Take(book, record, request.Side, limit, this);
        }

        if (record.Order.Status == OrderStatus.Filled)
        {
            return;
        }

        if (request.Type == OrderType.Market || request.TimeInForce != TimeInForce.Gtc)
        {
            Expire(record, "IOC: no more liquidity within the price");
            return;
        }

        Rest(record);
    }

    private static decimal FillRoom(OrderRecord record) => Math.Min(record.Fillable, ReduceOnlyRoomOf(record));

    /// Fills resting orders the market moved through, best priced and oldest first.
    private void MatchResting(MarketState market)
    {
        if (IsNoFill)
        {
            return;
        }

        var book = market.Book;
        if (market.RestingBuys.Count > 0 && book.BestAskTicksUntouched < market.RestingBuys[0].PriceTicks)
        {
            MatchRestingSide(market.RestingBuys, book);
        }

        if (market.RestingSells.Count > 0 && book.BestBidTicksUntouched > market.RestingSells[0].PriceTicks)
        {
            MatchRestingSide(market.RestingSells, book);
        }
    }

    private void MatchRestingSide(List<OrderRecord> resting, GeneratedBook book)
    {
        foreach (var record in resting.ToArray())
        {
            if (ReduceOnlyRoomOf(record) == 0m)
            {
                CancelByVenue(record, "ReduceOnly: the position is closed");
                continue;
            }

            BookMatching.FillResting(book, record, record.Request.Side, book.Price(record.PriceTicks), this);

            if (record.Order.Status == OrderStatus.Filled)
            {
                StopResting(record);
            }
        }
    }

    private void ApplyFill(OrderRecord record, decimal price, decimal quantity, LiquidityRole role, long extraDelayTicks = 0)
    {
        var market = record.Market;
        var request = record.Request;
        var quote = market.Instrument.Quote;
        var fee = price * quantity * _settings.Fees.Rate(role);
        var tradeId = string.Create(CultureInfo.InvariantCulture, $"{Id}-t{++_tradeNumber}");
        var fill = new Fill(tradeId, request.ClientOrderId, request.Side, price, quantity, new Money(fee, quote), role, At);
        record.Apply(OrderEvent.Filled(fill));
        var before = market.Position;
        market.Position = before.Apply(request.Side, quantity, price, fee);
        TrackOpenPositions(before.NetQuantity, market.Position.NetQuantity);
        AdjustWallet(quote, market.Position.RealizedPnl - before.RealizedPnl - fee);
        Emit(new OrderFilled(Id, NextEventSequence(), At, market.Instrument.Symbol, fill, record.Order.FilledQuantity, record.Order.Status), extraDelayTicks);
    }

    private static void Rest(OrderRecord record)
    {
        var buy = record.Request.Side == OrderSide.Buy;
        var list = buy ? record.Market.RestingBuys : record.Market.RestingSells;
        var index = list.FindIndex(other => buy ? other.PriceTicks < record.PriceTicks : other.PriceTicks > record.PriceTicks);
        list.Insert(index < 0 ? list.Count : index, record);
        record.IsResting = true;
    }

    private static void StopResting(OrderRecord record)
    {
        if (record.IsResting)
        {
            (record.Request.Side == OrderSide.Buy ? record.Market.RestingBuys : record.Market.RestingSells).Remove(record);
            record.IsResting = false;
        }
    }

    private void Expire(OrderRecord record, string reason)
    {
        var expired = OrderEvent.Expired(At, reason);
        record.Apply(expired);
        Emit(new OrderUpdated(Id, NextEventSequence(), At, record.Market.Instrument.Symbol, record.Request.ClientOrderId, expired, record.Order.Status));
    }

    private void CancelByVenue(OrderRecord record, string reason)
    {
        StopResting(record);
        var canceled = OrderEvent.Canceled(At, reason);
        record.Apply(canceled);
        Emit(new OrderUpdated(Id, NextEventSequence(), At, record.Market.Instrument.Symbol, record.Request.ClientOrderId, canceled, record.Order.Status));
    }

    /// How much a reduce-only order may still fill: what is left of the opposite position; unlimited otherwise.
    private static decimal ReduceOnlyRoomOf(OrderRecord record) =>
        record.Request.ReduceOnly ? ReduceOnlyRoom(record.Request.Side, record.Market.Position.NetQuantity) : decimal.MaxValue;

    private static decimal ReduceOnlyRoom(OrderSide side, decimal position) => BookMatching.ReduceOnlyRoom(side, position);

    decimal IFillSink<OrderRecord>.FillRoom(OrderRecord order) => FillRoom(order);

    void IFillSink<OrderRecord>.Fill(OrderRecord order, decimal price, decimal quantity, LiquidityRole role) => ApplyFill(order, price, quantity, role);

    /// The opposite touch a post-only order at this price would take, or null when it would rest.
    private static long? CrossedTouch(MarketState market, OrderSide side, long priceTicks)
    {
        var touch = market.Book.BestTicks(bid: side == OrderSide.Sell);
        return touch is { } t && (side == OrderSide.Buy ? priceTicks >= t : priceTicks <= t) ? t : null;
    }
}
