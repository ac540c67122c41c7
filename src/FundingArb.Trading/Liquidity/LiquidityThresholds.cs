namespace FundingArb.Trading.Liquidity;

/// Thresholds for LiquidityAnalyzer, in basis points of mid.
public sealed record LiquidityThresholds
{
    public decimal MarketAcceptableSlippageBps { get; init; } = 5m;

    public decimal HighSlippageBps { get; init; } = 30m;

    /// Above this spread a limit order saves enough to be worth the wait.
    public decimal WideSpreadBps { get; init; } = 10m;

    /// The side's whole depth must be at least this multiple of the target.
    public decimal MinDepthMultiple { get; init; } = 1m;

    /// Depth at this multiple of the target earns the full depth score.
    public decimal FullScoreDepthMultiple { get; init; } = 3m;

    public static LiquidityThresholds Default { get; } = new();
}
