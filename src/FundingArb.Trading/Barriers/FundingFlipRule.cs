namespace FundingArb.Trading.Barriers;

/// Exits when the expected spread falls below a threshold per day. Hummingbot's funding_rate_diff_stop_loss, default
/// -0.001: a small reversal is tolerated as noise. It protects the pair, so it fires within the minimum hold too.
public sealed class FundingFlipRule : IFundingExitRule
{
    public FundingFlipRule(decimal thresholdPerDay) => ThresholdPerDay = thresholdPerDay;

    public decimal ThresholdPerDay { get; }

    public FundingExitRule Rule => FundingExitRule.FundingFlip;

    public bool BreaksMinimumHold => true;

    public FundingExitDecision Evaluate(in FundingPairSnapshot snapshot) =>
        snapshot.ExpectedSpreadPerDay < ThresholdPerDay
            ? new FundingExitDecision(Rule, snapshot.ExpectedSpreadPerDay, ThresholdPerDay)
            : FundingExitDecision.Hold;
}
