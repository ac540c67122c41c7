using FundingArb.Trading.Liquidity;
using FundingArb.Trading.Orders;

namespace FundingArb.Trading.Funding;

// The exit is costed on today's books: tomorrow's are unknown, and a book deep enough to enter is the best guess of
// one to leave by. Entering as a maker pays no slippage (the order rests at its price); any other role walks the book.
// A long leg bought at a premium over the short leg's venue loses that premium if the two prices meet again; a
// discount is not counted as a gain, because nothing makes the prices meet.

/// Estimates a pair's round-trip costs (RoundTripCosts) for one leg's notional.
public static class RoundTripCostEstimator
{
    /// Null when either book cannot take the notional on the side it would be walked.
    public static RoundTripCosts? Estimate(decimal notional, LegBook longLeg, LegBook shortLeg, LiquidityRole entryRole, LiquidityThresholds thresholds)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(notional);
        ArgumentNullException.ThrowIfNull(longLeg);
        ArgumentNullException.ThrowIfNull(shortLeg);
        ArgumentNullException.ThrowIfNull(thresholds);
        var target = LiquidityTarget.InQuote(notional);
        var buyLong = LiquidityAnalyzer.Analyze(longLeg.Bids.AsSpan(), longLeg.Asks.AsSpan(), OrderSide.Buy, target, thresholds);
        var sellShort = LiquidityAnalyzer.Analyze(shortLeg.Bids.AsSpan(), shortLeg.Asks.AsSpan(), OrderSide.Sell, target, thresholds);
        var sellLong = LiquidityAnalyzer.Analyze(longLeg.Bids.AsSpan(), longLeg.Asks.AsSpan(), OrderSide.Sell, target, thresholds);
        var buyShort = LiquidityAnalyzer.Analyze(shortLeg.Bids.AsSpan(), shortLeg.Asks.AsSpan(), OrderSide.Buy, target, thresholds);
        if (!(buyLong.IsDepthSufficient && sellShort.IsDepthSufficient && sellLong.IsDepthSufficient && buyShort.IsDepthSufficient))
        {
            return null;
        }

        var entrySlippage = entryRole == LiquidityRole.Maker ? 0m : buyLong.SlippageQuote + sellShort.SlippageQuote;
        var exitSlippage = sellLong.SlippageQuote + buyShort.SlippageQuote;
        var premium = (buyLong.MidPrice - sellShort.MidPrice) / sellShort.MidPrice;
        return new RoundTripCosts(
            notional * (longLeg.Fees.Rate(entryRole) + shortLeg.Fees.Rate(entryRole)),
            notional * (longLeg.Fees.TakerRate + shortLeg.Fees.TakerRate),
            entrySlippage + exitSlippage,
            Math.Max(0m, premium) * notional);
    }
}
