using FundingArb.Trading.Orders;

namespace FundingArb.Trading.Positions;

/// A single-entry executor's PnL, as Hummingbot's PositionExecutor computes it.
public static class PositionPnl
{
    /// The price a position would exit into: the bid for a long, the ask for a short.
    public static decimal ExitPrice(OrderSide entrySide, decimal bestBid, decimal bestAsk)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bestBid);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bestAsk);
        return entrySide == OrderSide.Buy ? bestBid : bestAsk;
    }

    /// Net of fees. Zero filled gives all zeros rather than a division by zero.
    public static PnlFigures Compute(OrderSide entrySide, decimal entryPrice, decimal exitPrice, decimal filledBase, decimal feesInQuote)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(entryPrice);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(exitPrice);
        ArgumentOutOfRangeException.ThrowIfNegative(filledBase);
        if (filledBase == 0m)
        {
            return new PnlFigures(0m, feesInQuote, -feesInQuote, 0m);
        }

        var trade = entrySide.Sign() * (exitPrice - entryPrice) * filledBase;
        var net = trade - feesInQuote;
        return new PnlFigures(trade, feesInQuote, net, net / (filledBase * entryPrice));
    }
}
