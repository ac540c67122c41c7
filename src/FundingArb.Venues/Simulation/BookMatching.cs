using FundingArb.Trading.Orders;

namespace FundingArb.Venues.Simulation;

// The matching rules (docs/venues.md), shared by the simulated venue and the paper venue: a taker walks the opposite
// side level by level, one fill per level at that level's price, consuming it. A resting limit order fills as maker at
// its own price only against opposite levels strictly through it (at exactly its price it may still be behind the
// queue). What a fill does to the order, the position and the wallet is the venue's (IFillSink).

/// Walks and consumes a book for one order.
internal static class BookMatching
{
    /// What a taker could fill now within its limit price (no limit: the whole side).
    public static decimal TakerLiquidity(IMatchingBook book, OrderSide side, decimal? limit)
    {
        var bid = side == OrderSide.Sell;
        var total = 0m;
        for (var i = 0; i < book.Count(bid) && Within(side, book.LevelPrice(bid, i), limit); i++)
        {
            total += book.Available(bid, i);
        }

        return total;
    }

    /// Takes for the order level by level while it has room and the level is within its limit.
    public static void Take<TOrder>(IMatchingBook book, TOrder order, OrderSide side, decimal? limit, IFillSink<TOrder> sink)
    {
        var bid = side == OrderSide.Sell;
        for (var i = 0; i < book.Count(bid); i++)
        {
            var room = sink.FillRoom(order);
            var price = book.LevelPrice(bid, i);
            if (room == 0m || !Within(side, price, limit))
            {
                return;
            }

            var quantity = Math.Min(room, book.Available(bid, i));
            if (quantity > 0m)
            {
                book.Take(bid, i, quantity);
                sink.Fill(order, price, quantity, LiquidityRole.Taker);
            }
        }
    }

    /// Fills a resting order at its price against the opposite levels strictly through it.
    public static void FillResting<TOrder>(IMatchingBook book, TOrder order, OrderSide side, decimal price, IFillSink<TOrder> sink)
    {
        var bid = side == OrderSide.Sell;
        for (var i = 0; i < book.Count(bid) && sink.FillRoom(order) > 0m; i++)
        {
            var level = book.LevelPrice(bid, i);
            if (bid ? level <= price : level >= price)
            {
                return;
            }

            var quantity = Math.Min(sink.FillRoom(order), book.Available(bid, i));
            if (quantity > 0m)
            {
                book.Take(bid, i, quantity);
                sink.Fill(order, price, quantity, LiquidityRole.Maker);
            }
        }
    }

    /// How much an order that may only reduce can fill against the position: what is left of the opposite side.
    public static decimal ReduceOnlyRoom(OrderSide side, decimal position) => side switch
    {
        OrderSide.Buy when position < 0m => -position,
        OrderSide.Sell when position > 0m => position,
        _ => 0m,
    };

    /// Whether a limit price would take from an opposite touch (a post-only order at it would cross).
    public static bool WouldTake(OrderSide side, decimal price, decimal touch) => side == OrderSide.Buy ? price >= touch : price <= touch;

    private static bool Within(OrderSide side, decimal price, decimal? limit) =>
        limit is not { } l || (side == OrderSide.Buy ? price <= l : price >= l);
}
