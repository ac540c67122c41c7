namespace FundingArb.Trading.Risk;

public enum RiskRule
{
    KillSwitch,
    DailyLossLimit,
    MaxOpenPairs,
    MinSize,
    MaxOrderSize,
    MaxOrderValue,
    PriceReasonability,
    MaxPositionShare,
    MarginSufficiency,
}
