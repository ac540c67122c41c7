namespace FundingArb.Trading.Barriers;

/// Exits when the entered-direction spread falls below a threshold per day. Hummingbot's
/// funding_rate_diff_stop_loss, default -0.001: a small reversal is tolerated as noise.
public sealed class FundingFlipRule : IFundingExitRule
{
    public FundingFlipRule(decimal thresholdPerDay) => ThresholdPerDay = thresholdPerDay;

    public decimal ThresholdPerDay { get; }

    public FundingExitRule Rule => FundingExitRule.FundingFlip;

    public FundingExitDecision Evaluate(in FundingPairSnapshot snapshot) =>
        snapshot.CurrentSpreadPerDay < ThresholdPerDay
            ? new FundingExitDecision(Rule, snapshot.CurrentSpreadPerDay, ThresholdPerDay)
            : FundingExitDecision.Hold;
}
