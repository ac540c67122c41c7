namespace FundingArb.Trading.Barriers;

// Switching closes this pair and opens the other: it pays this pair's round trip (its exit now, and the entry it
// already paid is lost to a pair closed early) and the other's. It is worth it only when the other pair's expected
// funding over the horizon beats staying by both round trips, plus Margin of the notional.

/// Exits when another direction for the asset is expected to earn more over the horizon than staying, by more than
/// both round trips' costs and Margin × one leg's notional.
public sealed class BetterOpportunityRule : IFundingExitRule
{
    public BetterOpportunityRule(decimal margin, TimeSpan horizon)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(margin);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(horizon, TimeSpan.Zero);
        Margin = margin;
        Horizon = horizon;
    }

    public decimal Margin { get; }

    public TimeSpan Horizon { get; }

    public FundingExitRule Rule => FundingExitRule.BetterOpportunity;

    public bool BreaksMinimumHold => false;

    public FundingExitDecision Evaluate(in FundingPairSnapshot snapshot)
    {
        if (snapshot.Alternative is not { } alternative)
        {
            return FundingExitDecision.Hold;
        }

        var gain = snapshot.FundingOver(alternative.ExpectedSpreadPerDay, Horizon) - snapshot.ExpectedFundingOver(Horizon);
        var cost = snapshot.RoundTripCost + (alternative.RoundTripFeeRate * snapshot.PositionSizeQuote) + (Margin * snapshot.PositionSizeQuote);
        return gain > cost ? new FundingExitDecision(Rule, gain, cost) : FundingExitDecision.Hold;
    }
}
