namespace FundingArb.Trading.Barriers;

// A stop acts on what the next settlements will charge, not on a mean that days of good settlements still hold up:
// by the time the settled mean turned, the pair would have paid several settlements against it.

/// Exits when the spread the next settlements will pay falls below a threshold per day. Hummingbot's
/// funding_rate_diff_stop_loss, default -0.001: a small reversal is tolerated as noise. It protects the pair, so it
/// fires within the minimum hold too.
public sealed class FundingFlipRule : IFundingExitRule
{
    public FundingFlipRule(decimal thresholdPerDay) => ThresholdPerDay = thresholdPerDay;

    public decimal ThresholdPerDay { get; }

    public FundingExitRule Rule => FundingExitRule.FundingFlip;

    public bool BreaksMinimumHold => true;

    public FundingExitDecision Evaluate(in FundingPairSnapshot snapshot) =>
        snapshot.NextSpreadPerDay < ThresholdPerDay
            ? new FundingExitDecision(Rule, snapshot.NextSpreadPerDay, ThresholdPerDay)
            : FundingExitDecision.Hold;
}
