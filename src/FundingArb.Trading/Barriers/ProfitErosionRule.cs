namespace FundingArb.Trading.Barriers;

/// Exits when the current spread has shrunk below MinRatio of the spread at entry.
public sealed class ProfitErosionRule : IFundingExitRule
{
    public ProfitErosionRule(decimal minRatio)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minRatio);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(minRatio, 1m);
        MinRatio = minRatio;
    }

    public decimal MinRatio { get; }

    public FundingExitRule Rule => FundingExitRule.ProfitErosion;

    public FundingExitDecision Evaluate(in FundingPairSnapshot snapshot)
    {
        if (snapshot.EntrySpreadPerDay <= 0m)
        {
            throw new ArgumentException("The snapshot has no entry spread: build it with its constructor.", nameof(snapshot));
        }

        var ratio = snapshot.CurrentSpreadPerDay / snapshot.EntrySpreadPerDay;
        return ratio < MinRatio ? new FundingExitDecision(Rule, ratio, MinRatio) : FundingExitDecision.Hold;
    }
}
