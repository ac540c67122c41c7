namespace FundingArb.Trading.Liquidity;

public enum TargetUnit
{
    Quote,
    Base,
}
