namespace FundingArb.Trading.Barriers;

/// One reason to close a funding pair. Implementations are pure and allocate nothing.
public interface IFundingExitRule
{
    FundingExitRule Rule { get; }

    FundingExitDecision Evaluate(in FundingPairSnapshot snapshot);
}
