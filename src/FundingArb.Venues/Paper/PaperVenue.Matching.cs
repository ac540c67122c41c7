using System.Globalization;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;
using FundingArb.Venues.Simulation;

namespace FundingArb.Venues.Paper;

// The simulator's matching (BookMatching) played against the venue's live book instead of a generated one: a taker
// walks the book the venue returned at placement and consumes it until the venue publishes its next book; a resting
// order fills as maker at its own price when a book of the venue's stream is strictly through it. Paper orders never
// match each other and are never shown in the venue's book.

public sealed partial class PaperVenue : IFillSink<PaperOrder>
{
    private long _tradeNumber;

    private void Execute(PaperOrder order)
    {
        var request = order.Request;
        decimal? limit = request.Type == OrderType.Market ? null : request.Price;
        if (request.Type != OrderType.LimitMaker)
        {
            if (request.TimeInForce == TimeInForce.Fok
                && (FillRoom(order) < request.Quantity || BookMatching.TakerLiquidity(order.Market, request.Side, limit) < request.Quantity))
            {
                Expire(order, "FOK: not enough liquidity to fill it all");
                return;
            }

            BookMatching.Take(order.Market, order, request.Side, limit, this);
        }

        if (order.Order.Status == OrderStatus.Filled)
        {
            return;
        }

        if (request.Type == OrderType.Market || request.TimeInForce != TimeInForce.Gtc)
        {
            Expire(order, "IOC: no more liquidity within the price");
            return;
        }

        Rest(order);
    }

    /// Fills the resting orders the venue's book moved through, best priced and oldest first; true when any changed.
    private bool MatchResting(PaperMarket market) => MatchRestingSide(market, market.RestingBuys) | MatchRestingSide(market, market.RestingSells);

    private bool MatchRestingSide(PaperMarket market, List<PaperOrder> resting)
    {
        var changed = false;
        foreach (var order in resting.ToArray())
        {
            if (ReduceOnlyRoomOf(order) == 0m)
            {
                CancelByVenue(order, "ReduceOnly: the position is closed");
                changed = true;
                continue;
            }

            var filled = order.Order.FilledQuantity;
            BookMatching.FillResting(market, order, order.Request.Side, order.Request.Price!.Value, this);
            changed |= order.Order.FilledQuantity != filled;
            if (order.Order.Status == OrderStatus.Filled)
            {
                StopResting(order);
            }
        }

        return changed;
    }

    decimal IFillSink<PaperOrder>.FillRoom(PaperOrder order) => FillRoom(order);

    void IFillSink<PaperOrder>.Fill(PaperOrder order, decimal price, decimal quantity, LiquidityRole role) => ApplyFill(order, price, quantity, role);

    private void ApplyFill(PaperOrder order, decimal price, decimal quantity, LiquidityRole role)
    {
        var market = order.Market;
        var request = order.Request;
        var quote = market.Instrument.Quote;
        var fee = price * quantity * _settings.Fees.Rate(role);
        var tradeId = string.Create(CultureInfo.InvariantCulture, $"paper-{Id}-t{++_tradeNumber}");
        var fill = new Fill(tradeId, request.ClientOrderId, request.Side, price, quantity, new Money(fee, quote), role, Now);
        order.Apply(OrderEvent.Filled(fill));
        var before = market.Position;
        market.Position = before.Apply(request.Side, quantity, price, fee);
        AdjustWallet(quote, market.Position.RealizedPnl - before.RealizedPnl - fee);
        Emit(new OrderFilled(Id, NextEventSequence(), Now, market.Instrument.Symbol, fill, order.Order.FilledQuantity, order.Order.Status));
    }

    private static decimal FillRoom(PaperOrder order) => Math.Min(order.Order.UnfilledQuantity, ReduceOnlyRoomOf(order));

    private static decimal ReduceOnlyRoomOf(PaperOrder order) =>
        order.Request.ReduceOnly ? BookMatching.ReduceOnlyRoom(order.Request.Side, order.Market.Position.NetQuantity) : decimal.MaxValue;

    private static void Rest(PaperOrder order)
    {
        var buy = order.Request.Side == OrderSide.Buy;
        var list = buy ? order.Market.RestingBuys : order.Market.RestingSells;
        var price = order.Request.Price!.Value;
        var index = list.FindIndex(other => buy ? other.Request.Price < price : other.Request.Price > price);
        list.Insert(index < 0 ? list.Count : index, order);
        order.IsResting = true;
    }

    private static void StopResting(PaperOrder order)
    {
        if (order.IsResting)
        {
            (order.Request.Side == OrderSide.Buy ? order.Market.RestingBuys : order.Market.RestingSells).Remove(order);
            order.IsResting = false;
        }
    }

    private void Expire(PaperOrder order, string reason)
    {
        var expired = OrderEvent.Expired(Now, reason);
        order.Apply(expired);
        Emit(new OrderUpdated(Id, NextEventSequence(), Now, order.Market.Instrument.Symbol, order.Request.ClientOrderId, expired, order.Order.Status));
    }

    private void CancelByVenue(PaperOrder order, string reason)
    {
        StopResting(order);
        var canceled = OrderEvent.Canceled(Now, reason);
        order.Apply(canceled);
        Emit(new OrderUpdated(Id, NextEventSequence(), Now, order.Market.Instrument.Symbol, order.Request.ClientOrderId, canceled, order.Order.Status));
    }
}
