using System.Globalization;
using FundingArb.Trading.Funding;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;

namespace FundingArb.Trading.Positions;

// Invariant: RealizedPnl - CostBasis equals the net cash of all fills, exactly, so realized plus unrealized
// at any mark equals the cash flows plus the position valued at that mark. The hold keeps a signed cost basis
// instead of an average price: a partial reduce that rounds moves value between basis and realized, and never
// loses any. The basis a partial reduce removes is rounded to BasisDecimals places, so no figure grows to 28
// significant digits and the sums stay exact. The average price (Hummingbot's breakeven) is
// derived from the basis.

/// The average-cost position of one (venue, market[, hedge side]). Immutable: Apply returns the next hold.
public sealed class PositionHold
{
    private const int BasisDecimals = 16;

    private PositionHold(PositionKey key, Asset quote, decimal netQuantity, decimal costBasis, decimal realizedPnl,
        decimal fundingPnl, decimal fees, decimal volume, decimal boughtQuantity, decimal soldQuantity)
    {
        Key = key;
        Quote = quote;
        NetQuantity = netQuantity;
        CostBasis = costBasis;
        RealizedPnl = realizedPnl;
        FundingPnl = fundingPnl;
        Fees = fees;
        Volume = volume;
        BoughtQuantity = boughtQuantity;
        SoldQuantity = soldQuantity;
    }

    public PositionKey Key { get; }

    public Asset Quote { get; }

    /// Positive long, negative short, in base units.
    public decimal NetQuantity { get; }

    /// Quote paid for the open long (positive) or received for the open short (negative).
    public decimal CostBasis { get; }

    public decimal RealizedPnl { get; }

    /// Funding received minus funding paid, on this venue and market only.
    public decimal FundingPnl { get; }

    /// Fees paid in quote; rebates reduce it.
    public decimal Fees { get; }

    /// Quote traded, both sides.
    public decimal Volume { get; }

    public decimal BoughtQuantity { get; }

    public decimal SoldQuantity { get; }

    public PositionSide? Side => NetQuantity switch
    {
        > 0m => PositionSide.Long,
        < 0m => PositionSide.Short,
        _ => null,
    };

    public decimal Amount => Math.Abs(NetQuantity);

    public decimal? AveragePrice => NetQuantity == 0m ? null : Math.Abs(CostBasis) / Amount;

    /// The mark at which the global PnL (realized, unrealized, funding, fees) is zero.
    public decimal? BreakevenPrice => NetQuantity == 0m ? null : (CostBasis - RealizedPnl - FundingPnl + Fees) / NetQuantity;

    public static PositionHold Empty(PositionKey key, Asset quote)
    {
        ArgumentException.ThrowIfNullOrEmpty(key.Venue.Value, nameof(key));
        ArgumentException.ThrowIfNullOrEmpty(key.Symbol.Value, nameof(key));
        ArgumentException.ThrowIfNullOrEmpty(quote.Code, nameof(quote));
        return new PositionHold(key, quote, 0m, 0m, 0m, 0m, 0m, 0m, 0m, 0m);
    }

    /// Rebuilds a hold from the figures a previous one exposed (a persisted snapshot), so that a restarted owner
    /// continues with the exact basis and totals instead of replaying every fill. Refuses figures no sequence of
    /// fills could produce: a basis without a position, or a basis whose sign disagrees with the position's.
    public static PositionHold Restore(PositionKey key, Asset quote, decimal netQuantity, decimal costBasis, decimal realizedPnl,
        decimal fundingPnl, decimal fees, decimal volume, decimal boughtQuantity, decimal soldQuantity)
    {
        var empty = Empty(key, quote);
        ArgumentOutOfRangeException.ThrowIfNegative(volume);
        ArgumentOutOfRangeException.ThrowIfNegative(boughtQuantity);
        ArgumentOutOfRangeException.ThrowIfNegative(soldQuantity);
        if (Math.Sign(costBasis) != Math.Sign(netQuantity))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"A cost basis of {costBasis} cannot belong to a net quantity of {netQuantity}."),
                nameof(costBasis));
        }

        return new PositionHold(empty.Key, quote, netQuantity, costBasis, realizedPnl, fundingPnl, fees, volume, boughtQuantity, soldQuantity);
    }

    public decimal UnrealizedPnl(decimal markPrice)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(markPrice);
        return NetQuantity * markPrice - CostBasis;
    }

    public PositionHold Apply(Fill fill, Money feeInQuote)
    {
        ArgumentNullException.ThrowIfNull(fill);
        if (feeInQuote.Asset != Quote)
        {
            throw new ArgumentException($"The fee is in {feeInQuote.Asset}; convert it to {Quote} with FeeConverter first.", nameof(feeInQuote));
        }

        return Apply(fill.Side, fill.Quantity, fill.Price, feeInQuote.Amount);
    }

    public PositionHold Apply(OrderSide side, decimal quantity, decimal price, decimal feeInQuote)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(price);
        var direction = side.Sign();
        var (net, basis, realized) = (NetQuantity, CostBasis, RealizedPnl);
        if (net == 0m || Math.Sign(net) == direction)
        {
            EnsureHedgeSideAdds(side);
            net += direction * quantity;
            basis += direction * quantity * price;
        }
        else
        {
            var open = Math.Abs(net);
            var matched = Math.Min(quantity, open);
            var removed = matched == open ? basis : decimal.Round(basis * matched / open, BasisDecimals);
            realized += -direction * matched * price - removed;
            basis -= removed;
            net += direction * matched;
            var excess = quantity - matched;
            if (excess > 0m)
            {
                EnsureNoHedgeFlip(quantity, open);
                net = direction * excess;
                basis = net * price;
            }
        }

        var (bought, sold) = side == OrderSide.Buy ? (BoughtQuantity + quantity, SoldQuantity) : (BoughtQuantity, SoldQuantity + quantity);
        return new PositionHold(Key, Quote, net, basis, realized, FundingPnl, Fees + feeInQuote, Volume + quantity * price, bought, sold);
    }

    public PositionHold ApplyFunding(FundingPayment payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        if (payment.Venue != Key.Venue || payment.Symbol != Key.Symbol || (Key.Side is { } side && side != payment.Side))
        {
            throw new ArgumentException(
                $"A payment for {payment.Venue}/{payment.Symbol}/{payment.Side} does not belong to {Key.Venue}/{Key.Symbol}/{Key.Side}.",
                nameof(payment));
        }

        return new PositionHold(Key, Quote, NetQuantity, CostBasis, RealizedPnl, FundingPnl + payment.Amount, Fees, Volume,
            BoughtQuantity, SoldQuantity);
    }

    public PositionSummary Summary(decimal markPrice) =>
        new(Key, Side, Amount, AveragePrice, BreakevenPrice, markPrice, UnrealizedPnl(markPrice), RealizedPnl, FundingPnl, Fees, Volume);

    private void EnsureHedgeSideAdds(OrderSide side)
    {
        if (Key.Side is { } hedgeSide && (hedgeSide == PositionSide.Long) != (side == OrderSide.Buy))
        {
            throw new ArgumentException($"A {side} cannot open the {hedgeSide} side of a hedge-mode position.", nameof(side));
        }
    }

    private void EnsureNoHedgeFlip(decimal quantity, decimal open)
    {
        if (Key.Side is not null)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Closing {quantity} of a hedge-mode position of {open} would flip it."),
                nameof(quantity));
        }
    }
}
