namespace FundingArb.Trading.Liquidity;

public enum ExecutionQuality
{
    /// At or better than the book promised.
    Excellent,
    Good,
    Fair,
    Poor,
}
