namespace FundingArb.Trading.Barriers;

// The exit fees are owed whether the pair closes now or later, so leaving saves only the funding staying would lose;
// coming back would cost a round trip. Leaving pays when the expected funding of staying falls below MinCover round
// trips: at the default 0, when staying is expected to lose. Entries ask for a cover well above it, and the gap between
// the two keeps a pair near the line from being closed and reopened.

/// Exits when the funding staying is expected to collect over the horizon falls below MinCover times the round trip's cost.
public sealed class ProfitErosionRule : IFundingExitRule
{
    public ProfitErosionRule(decimal minCover, TimeSpan horizon)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(horizon, TimeSpan.Zero);
        MinCover = minCover;
        Horizon = horizon;
    }

    public decimal MinCover { get; }

    public TimeSpan Horizon { get; }

    public FundingExitRule Rule => FundingExitRule.ProfitErosion;

    public bool BreaksMinimumHold => false;

    public FundingExitDecision Evaluate(in FundingPairSnapshot snapshot)
    {
        var staying = snapshot.ExpectedFundingOver(Horizon);
        var threshold = MinCover * snapshot.RoundTripCost;
        return staying < threshold ? new FundingExitDecision(Rule, staying, threshold) : FundingExitDecision.Hold;
    }
}
