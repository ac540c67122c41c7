namespace FundingArb.Trading.Barriers;

/// One reason to close a funding pair. Implementations are pure and allocate nothing.
public interface IFundingExitRule
{
    FundingExitRule Rule { get; }

    /// Whether the rule may close a pair within its minimum hold: only a protective one may.
    bool BreaksMinimumHold { get; }

    FundingExitDecision Evaluate(in FundingPairSnapshot snapshot);
}
