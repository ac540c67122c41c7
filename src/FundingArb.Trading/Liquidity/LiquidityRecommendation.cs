namespace FundingArb.Trading.Liquidity;

public enum LiquidityRecommendation
{
    /// Taking costs little: a market order is fine.
    MarketAcceptable,

    /// Taking costs enough, or the spread is wide enough, that resting a limit order first pays.
    Limit,

    /// The book is there but walking it costs more than the high-slippage threshold.
    HighSlippage,

    /// The book cannot fill the target.
    InsufficientDepth,
}
