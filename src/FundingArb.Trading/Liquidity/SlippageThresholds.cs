namespace FundingArb.Trading.Liquidity;

/// How far beyond the expected slippage, in basis points, an execution may land and still rate Good or Fair.
public sealed record SlippageThresholds
{
    public decimal GoodExcessBps { get; init; } = 2m;

    public decimal FairExcessBps { get; init; } = 10m;

    public static SlippageThresholds Default { get; } = new();
}
