using FundingArb.Trading.Orders;

namespace FundingArb.Trading.Liquidity;

// Hot path: called for both legs on every entry check. It takes spans and returns a struct, and allocates nothing.

/// Walks a book for a target and rates what taking it would cost. Bids must be best first (descending),
/// asks best first (ascending), prices and sizes positive and the book uncrossed: a book that breaks this
/// is a market-data bug, so it throws rather than produce a plausible number.
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
        EnsureSorted(bids, descending: true, nameof(bids));
        EnsureSorted(asks, descending: false, nameof(asks));
        if (bids.IsEmpty || asks.IsEmpty)
        {
            return new LiquidityAnalysis(side, target, 0m, 0m, 0m, 0m, 0, 0m, 0m, 0m, 0m, 0m, 0m, false, 0m, LiquidityRecommendation.InsufficientDepth);
        }

        var (bestBid, bestAsk) = (bids[0].Price, asks[0].Price);
        if (bestBid >= bestAsk)
        {
            throw new ArgumentException($"The book is crossed: best bid {bestBid} >= best ask {bestAsk}.", nameof(bids));
        }

        var mid = (bestBid + bestAsk) / 2m;
        var spreadBps = (bestAsk - bestBid) / mid * BasisPoints;
        var levels = side == OrderSide.Buy ? asks : bids;
        var walk = Walk(levels, target);
        var (availableBase, availableQuote) = Depth(levels);
        var average = walk.FilledBase == 0m ? 0m : decimal.Round(walk.FilledQuote / walk.FilledBase, AverageDecimals);
        var slippageQuote = side == OrderSide.Buy ? walk.FilledQuote - mid * walk.FilledBase : mid * walk.FilledBase - walk.FilledQuote;
        var slippageBps = walk.FilledBase == 0m ? 0m : slippageQuote / (mid * walk.FilledBase) * BasisPoints;
        var wanted = target.Unit == TargetUnit.Quote ? target.Amount : target.Amount * mid;
        var depthSufficient = walk.Complete && availableQuote >= wanted * thresholds.MinDepthMultiple;
        var score = Score(availableQuote, wanted, slippageBps, spreadBps, thresholds);
        var recommendation = Recommend(depthSufficient, slippageBps, spreadBps, thresholds);
        return new LiquidityAnalysis(side, target, walk.FilledBase, walk.FilledQuote, average, walk.WorstPrice, walk.LevelsUsed, mid,
            spreadBps, slippageBps, slippageQuote, availableBase, availableQuote, depthSufficient, score, recommendation);
    }

    private static (decimal FilledBase, decimal FilledQuote, decimal WorstPrice, int LevelsUsed, bool Complete) Walk(
        ReadOnlySpan<BookLevel> levels, LiquidityTarget target)
    {
        decimal filledBase = 0m, filledQuote = 0m, worst = 0m;
        var remaining = target.Amount;
        var used = 0;
        foreach (var level in levels)
        {
            if (remaining == 0m)
            {
                break;
            }

            var levelQuote = level.Price * level.Size;
            decimal takeBase, takeQuote;
            if (target.Unit == TargetUnit.Quote)
            {
                (takeBase, takeQuote) = levelQuote <= remaining ? (level.Size, levelQuote) : (remaining / level.Price, remaining);
                remaining -= takeQuote;
            }
            else
            {
                (takeBase, takeQuote) = level.Size <= remaining ? (level.Size, levelQuote) : (remaining, remaining * level.Price);
                remaining -= takeBase;
            }

            filledBase += takeBase;
            filledQuote += takeQuote;
            worst = level.Price;
            used++;
        }

        return (filledBase, filledQuote, worst, used, remaining == 0m);
    }

    private static (decimal Base, decimal Quote) Depth(ReadOnlySpan<BookLevel> levels)
    {
        decimal size = 0m, quote = 0m;
        foreach (var level in levels)
        {
            size += level.Size;
            quote += level.Price * level.Size;
        }

        return (size, quote);
    }

    /// Depth, slippage and spread weigh 40, 40 and 20. Each part falls linearly to zero: depth below
    /// FullScoreDepthMultiple times the target, slippage at HighSlippageBps, spread at twice WideSpreadBps.
    private static decimal Score(decimal availableQuote, decimal wanted, decimal slippageBps, decimal spreadBps, LiquidityThresholds thresholds)
    {
        var depth = Math.Min(1m, availableQuote / (wanted * thresholds.FullScoreDepthMultiple));
        var slippage = Math.Max(0m, 1m - slippageBps / thresholds.HighSlippageBps);
        var spread = Math.Max(0m, 1m - spreadBps / thresholds.WideSpreadBps / 2m);
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

    private static void EnsureSorted(ReadOnlySpan<BookLevel> levels, bool descending, string paramName)
    {
        var previous = descending ? decimal.MaxValue : 0m;
        foreach (var level in levels)
        {
            if (level.Price <= 0m || level.Size <= 0m)
            {
                throw new ArgumentException($"A level {level.Price} x {level.Size} is not positive.", paramName);
            }

            if (descending ? level.Price >= previous : level.Price <= previous)
            {
                throw new ArgumentException($"Level {level.Price} is out of order after {previous}.", paramName);
            }

            previous = level.Price;
        }
    }
}
