using FundingArb.Trading.Orders;

namespace FundingArb.Trading.Liquidity;

// Hot path: called for both legs on every entry check. It takes spans, returns a struct, allocates nothing,
// and reads the walked side in a single pass.

/// Walks a book for a target and rates what taking it would cost. Bids must be best first (descending),
/// asks best first (ascending), prices and sizes positive and the book uncrossed: a book that breaks this
/// is a market-data bug, so it throws rather than produce a plausible number. It checks the levels it reads:
/// the whole walked side and the top of the other.
public static class LiquidityAnalyzer
{
    private const decimal BasisPoints = 10_000m;
    private const decimal DepthWeight = 40m;
    private const decimal SlippageWeight = 40m;
    private const decimal SpreadWeight = 20m;

    // The average is rounded to this many places: a partial level's size is a division whose last digit
    // rounds, and rounding keeps the average inside the prices walked (rounding is monotonic).
    private const int AverageDecimals = 18;

    public static LiquidityAnalysis Analyze(
        ReadOnlySpan<BookLevel> bids,
        ReadOnlySpan<BookLevel> asks,
        OrderSide side,
        LiquidityTarget target,
        LiquidityThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(target.Amount, nameof(target));
        if (bids.IsEmpty || asks.IsEmpty)
        {
            return new LiquidityAnalysis(side, target, 0m, 0m, 0m, 0m, 0, 0m, 0m, 0m, 0m, 0m, 0m, false, 0m, LiquidityRecommendation.InsufficientDepth);
        }

        var (bestBid, bestAsk) = (bids[0].Price, asks[0].Price);
        if (bestBid <= 0m || bestBid >= bestAsk)
        {
            throw new ArgumentException($"The top of book {bestBid} / {bestAsk} is not positive and uncrossed.", nameof(bids));
        }

        var mid = (bestBid + bestAsk) * 0.5m;
        var spreadBps = (bestAsk - bestBid) / mid * BasisPoints;
        var walk = side == OrderSide.Buy
            ? Walk(asks, target, descending: false, nameof(asks))
            : Walk(bids, target, descending: true, nameof(bids));
        var average = walk.FilledBase == 0m ? 0m : decimal.Round(walk.FilledQuote / walk.FilledBase, AverageDecimals);
        var midValue = mid * walk.FilledBase;
        var slippageQuote = side == OrderSide.Buy ? walk.FilledQuote - midValue : midValue - walk.FilledQuote;
        var slippageBps = walk.FilledBase == 0m ? 0m : slippageQuote / midValue * BasisPoints;
        var wanted = target.Unit == TargetUnit.Quote ? target.Amount : target.Amount * mid;
        var depthSufficient = walk.Complete && walk.AvailableQuote >= wanted * thresholds.MinDepthMultiple;
        var score = Score(walk.AvailableQuote, wanted, slippageBps, spreadBps, thresholds);
        var recommendation = Recommend(depthSufficient, slippageBps, spreadBps, thresholds);
        return new LiquidityAnalysis(side, target, walk.FilledBase, walk.FilledQuote, average, walk.WorstPrice, walk.LevelsUsed, mid,
            spreadBps, slippageBps, slippageQuote, walk.AvailableBase, walk.AvailableQuote, depthSufficient, score, recommendation);
    }

    /// One pass over the side: checks each level, sums the depth, and notes where the running depth first
    /// reaches the target. Until then every level is taken whole, so the fill is the depth so far; only the
    /// level that completes the target is split.
    private static WalkResult Walk(ReadOnlySpan<BookLevel> levels, LiquidityTarget target, bool descending, string paramName)
    {
        decimal availableBase = 0m, availableQuote = 0m, filledBase = 0m, filledQuote = 0m, worst = 0m;
        var byQuote = target.Unit == TargetUnit.Quote;
        var complete = false;
        var used = 0;
        var previous = levels[0].Price;
        for (var i = 0; i < levels.Length; i++)
        {
            var level = levels[i];
            if (decimal.IsNegative(level.Size) || level.Size == 0m || (i > 0 && (descending ? level.Price >= previous : level.Price <= previous)))
            {
                throw new ArgumentException($"Level {i} ({level.Price} x {level.Size}) is not positive or out of order after {previous}.", paramName);
            }

            previous = level.Price;
            var levelQuote = level.Price * level.Size;
            availableBase += level.Size;
            availableQuote += levelQuote;
            if (complete)
            {
                continue;
            }

            used++;
            if ((byQuote ? availableQuote : availableBase) < target.Amount)
            {
                continue;
            }

            complete = true;
            worst = level.Price;
            (filledBase, filledQuote) = byQuote
                ? (availableBase - level.Size + (target.Amount - (availableQuote - levelQuote)) / level.Price, target.Amount)
                : (target.Amount, availableQuote - levelQuote + (target.Amount - (availableBase - level.Size)) * level.Price);
        }

        if (previous <= 0m)
        {
            throw new ArgumentException($"The last level's price {previous} is not positive.", paramName);
        }

        if (!complete)
        {
            (filledBase, filledQuote, worst) = (availableBase, availableQuote, previous);
        }

        return new WalkResult(filledBase, filledQuote, worst, used, complete, availableBase, availableQuote);
    }

    /// Depth, slippage and spread weigh 40, 40 and 20. Each part falls linearly to zero: depth below
    /// FullScoreDepthMultiple times the target, slippage at HighSlippageBps, spread at twice WideSpreadBps.
    private static decimal Score(decimal availableQuote, decimal wanted, decimal slippageBps, decimal spreadBps, LiquidityThresholds thresholds)
    {
        var fullDepth = wanted * thresholds.FullScoreDepthMultiple;
        var depth = availableQuote >= fullDepth ? 1m : availableQuote / fullDepth;
        var slippage = slippageBps >= thresholds.HighSlippageBps ? 0m : 1m - slippageBps / thresholds.HighSlippageBps;
        var spread = spreadBps >= 2m * thresholds.WideSpreadBps ? 0m : 1m - spreadBps / (2m * thresholds.WideSpreadBps);
        return decimal.Round(DepthWeight * depth + SlippageWeight * slippage + SpreadWeight * spread, 2);
    }

    private static LiquidityRecommendation Recommend(bool depthSufficient, decimal slippageBps, decimal spreadBps, LiquidityThresholds thresholds)
    {
        if (!depthSufficient)
        {
            return LiquidityRecommendation.InsufficientDepth;
        }

        if (slippageBps > thresholds.HighSlippageBps)
        {
            return LiquidityRecommendation.HighSlippage;
        }

        return slippageBps <= thresholds.MarketAcceptableSlippageBps && spreadBps <= thresholds.WideSpreadBps
            ? LiquidityRecommendation.MarketAcceptable
            : LiquidityRecommendation.Limit;
    }

    private readonly record struct WalkResult(
        decimal FilledBase,
        decimal FilledQuote,
        decimal WorstPrice,
        int LevelsUsed,
        bool Complete,
        decimal AvailableBase,
        decimal AvailableQuote);
}
