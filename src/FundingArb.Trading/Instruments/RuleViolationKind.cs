namespace FundingArb.Trading.Instruments;

public enum RuleViolationKind
{
    PriceOffTick,
    SizeOffStep,
    BelowMinSize,
    BelowMinNotional,
    PriceOutsideBand,
}
