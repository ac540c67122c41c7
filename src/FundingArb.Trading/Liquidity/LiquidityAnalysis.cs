using FundingArb.Trading.Orders;

namespace FundingArb.Trading.Liquidity;

/// The result of walking one side of a book. Slippage is the cost against mid (positive is worse), so it
/// includes half the spread. Score runs from 0 (unusable) to 100.
public readonly record struct LiquidityAnalysis(
    OrderSide Side,
    LiquidityTarget Target,
    decimal FilledBase,
    decimal FilledQuote,
    decimal AveragePrice,
    decimal WorstPrice,
    int LevelsUsed,
    decimal MidPrice,
    decimal SpreadBps,
    decimal SlippageBps,
    decimal SlippageQuote,
    decimal AvailableBase,
    decimal AvailableQuote,
    bool IsDepthSufficient,
    decimal Score,
    LiquidityRecommendation Recommendation);
