namespace FundingArb.Trading.Barriers;

public enum FundingExitRule
{
    None,
    FundingFlip,
    ProfitErosion,
    ProfitTarget,
    TimeLimit,
    BetterOpportunity,
}
