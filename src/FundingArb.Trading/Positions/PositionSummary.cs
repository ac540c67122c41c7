namespace FundingArb.Trading.Positions;

/// A position valued at a mark. GlobalPnl subtracts fees and adds funding; Hummingbot's report adds the
/// positions' PnL without their fees.
public sealed record PositionSummary(
    PositionKey Key,
    PositionSide? Side,
    decimal Amount,
    decimal? AveragePrice,
    decimal? BreakevenPrice,
    decimal MarkPrice,
    decimal UnrealizedPnl,
    decimal RealizedPnl,
    decimal FundingPnl,
    decimal Fees,
    decimal Volume)
{
    public decimal GlobalPnl => UnrealizedPnl + RealizedPnl + FundingPnl - Fees;

    public decimal AmountQuote => Amount * (AveragePrice ?? 0m);
}
